import type { ErrorCode } from '@safeschools/contract';

export interface FieldError {
  path: string;
  message: string;
  code?: string;
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
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
