import { ApiError, isErrorCode } from '@safeschools/contract';
import type { TFunction } from 'i18next';

/** The translated message for any error the API client can throw. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const code = error.code;
    if (isErrorCode(code) || code === 'NETWORK_ERROR' || code === 'HTTP_ERROR') return t(`errors.${code}`);
    return t('errors.UNKNOWN', { code });
  }
  return t('errors.UNEXPECTED');
}

export type FieldErrors = Record<string, string>;

/** `body.scope.areaIds` and `/body/email` both become the form field path: `scope.areaIds`, `email`. */
export function normaliseFieldPath(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '');
}

const fieldCodes = new Set(['too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value', 'required']);

/**
 * Field errors of a problem, keyed by field path and translated from their code. The server's English
 * message is never shown: a field error without a known code gets the generic "not valid" text.
 */
export function fieldErrors(t: TFunction, error: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!(error instanceof ApiError)) return result;
  for (const issue of error.problem.errors ?? []) {
    const path = normaliseFieldPath(issue.path);
    if (result[path]) continue;
    const code = issue.code && fieldCodes.has(issue.code) ? issue.code : 'invalid';
    result[path] = t(`fieldErrors.${code}`);
  }
  return result;
}
