import { AppError } from '../shared/app-error.js';
import { decodeCursorObject, encodeCursorObject } from '../shared/cursor.js';

// Keyset cursor for imports, newest first: the last one's creation time (to the microsecond) and id, opaque to clients.
const UUID = /^[0-9a-f-]{36}$/i;
const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const encodeImportCursor = (createdAt: string, id: string): string => encodeCursorObject({ t: createdAt, i: id });

export function decodeImportCursor(cursor: string): { createdAt: string; id: string } {
  const v = decodeCursorObject(cursor);
  if (typeof v.t !== 'string' || !EXACT_TIME.test(v.t) || Number.isNaN(Date.parse(v.t))) throw new AppError('CURSOR_INVALID');
  if (typeof v.i !== 'string' || !UUID.test(v.i)) throw new AppError('CURSOR_INVALID');
  return { createdAt: v.t, id: v.i };
}
