import { AppError } from '../domain/shared/app-error.js';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Keys are made by the server (`files/<uuid>`), but a storage backend must still refuse anything that could
 * leave its folder or bucket prefix: no `..`, no absolute paths, no backslashes, no empty or hidden segments.
 */
export function assertStorageKey(key: string): string {
  const segments = key.split('/');
  if (key.length > 512 || segments.length > 8 || !segments.every((s) => SEGMENT.test(s) && !s.includes('..'))) {
    throw new AppError('VALIDATION_FAILED', 'Invalid storage key.');
  }
  return key;
}
