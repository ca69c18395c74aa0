import { ApiError } from '@safeschools/contract';

/** Answers that say "not now" rather than "not this": the same request may well succeed later. */
const transientCodes = new Set(['AUTH_REQUIRED', 'CSRF_TOKEN_MISSING', 'CSRF_TOKEN_INVALID', 'RATE_LIMITED']);

/**
 * Whether a failed replay is kept for another try (`retry`) or stopped and shown to the user (`refused`).
 * The network being down, a server error, an expired session (the user signs in again) and rate limiting are
 * temporary; any other 4xx (invalid data, a version conflict) will be refused again, so it needs a person.
 */
export function failureKind(error: unknown): 'retry' | 'refused' {
  if (!(error instanceof ApiError)) return 'retry';
  if (error.status === 0 || error.status >= 500 || error.status === 408) return 'retry';
  return transientCodes.has(error.code) ? 'retry' : 'refused';
}

/** Only a network failure queues a write made now; any answer from the server is shown to the user at once. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NETWORK_ERROR';
}

const firstDelayMs = 5_000;
const longestDelayMs = 5 * 60_000;

/** Wait before the next replay after `failures` replays in a row found the server out of reach: 5 s, doubling, at most 5 min. */
export function retryDelayMs(failures: number): number {
  return Math.min(longestDelayMs, firstDelayMs * 2 ** Math.max(0, failures - 1));
}
