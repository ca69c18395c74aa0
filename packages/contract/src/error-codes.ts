/**
 * Every error the API can return, with its HTTP status. Codes are stable: clients (web, CLI, scripts) branch
 * on them and the web app translates them. Never rename or reuse a code; add new ones.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  CONFIG_INVALID: 500,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_ACCOUNT_DISABLED: 403,
  CSRF_TOKEN_MISSING: 403,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 404,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  VERSION_CONFLICT: 409,
  EMAIL_TAKEN: 409,
  INVITATION_INVALID: 410,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_INVALID: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  CURSOR_INVALID: 400,
  SCOPE_INVALID: 400,
  WEAK_PASSWORD: 400,
  SHUTTING_DOWN: 503,
  IMPORT_FILE_INVALID: 422,
  IMPORT_REJECTED: 422,
  IMPORT_NOT_FINISHED: 409,
  /** Resume or abandon asked of an import that is not interrupted (running, finished, already resumed or abandoned). */
  IMPORT_NOT_INTERRUPTED: 409,
  /** Stored as the error of work whose server stopped while it ran (never an HTTP answer): resume or ask again. */
  WORK_INTERRUPTED: 503,
  REVIEW_SETTLED: 409,
  REVIEW_ACTION_NOT_APPLICABLE: 422,
  HAZARD_FILE_INVALID: 422,
  HAZARD_FILE_UNSUPPORTED: 415,
  EVENT_REFERENCE_UNKNOWN: 422,
  /** A manual notice whose audiences have nobody with an address at the event's schools in the sender's scope. */
  NOTICE_REACHES_NOBODY: 422,
  /** A feed added at an address already polled. */
  FEED_EXISTS: 409,
  /** Removing a feed of EVENT_FEEDS: it can be turned off in the app, and removed from the configuration. */
  FEED_CONFIGURED: 409,
  INSTRUMENT_INVALID: 422,
  INSTRUMENT_VERSION_EXISTS: 409,
  ASSESSMENT_INVALID: 422,
  ASSESSMENT_SUBMITTED: 409,
  INSPECTION_INVALID: 422,
  PLAN_NOT_FOUND: 404,
  PLAN_NOT_EDITABLE: 409,
  PLAN_INVALID: 422,
  PLAN_INCOMPLETE: 422,
  PLAN_TRANSITION_REFUSED: 409,
  PLAN_SELF_APPROVAL: 403,
  DRILL_INVALID: 422,
  TRAINING_INVALID: 422,
  /** A phone number that is not a valid mobile or fixed-line number (stored as E.164). */
  PHONE_INVALID: 400,
  /** SMS or WhatsApp chosen without a phone number. */
  CHANNEL_NEEDS_ADDRESS: 400,
  /** A password reset link that was never issued. */
  PASSWORD_RESET_INVALID: 410,
  PASSWORD_RESET_EXPIRED: 410,
  PASSWORD_RESET_USED: 410,
  /** A check-in link whose 14 days have passed: nothing is written; the school can still answer by SMS or phone. */
  CHECK_IN_LINK_EXPIRED: 410,
  /** A check-in link that was never issued (mistyped, cut short or forged): nothing is written. */
  CHECK_IN_LINK_UNKNOWN: 404,
  /** A provider callback (status or inbound reply) whose signature does not verify: nothing is written. */
  HOOK_SIGNATURE_INVALID: 401,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export function statusOf(code: ErrorCode): number {
  return errorCodes[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value);
}
