import type { ErrorCode } from '@safeschools/contract';

export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

export interface AppErrorHints {
  /** How long until trying again can succeed (a rate limit's window freeing a slot); becomes `Retry-After`. */
  retryAfterSeconds?: number;
}

/**
 * The one error type the domain throws. Its code is stable and becomes the problem+json `code`; the HTTP layer
 * maps it in one place. `detail` is safe to show to the user; never put secrets or stack traces in it.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: readonly FieldError[],
    readonly hints: AppErrorHints = {},
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
