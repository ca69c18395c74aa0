import { AppError } from '../shared/app-error.js';
import { decodeCursorObject as dec, encodeCursorObject as enc } from '../shared/cursor.js';

// Keyset cursors for events (newest first) and affected schools (strongest first), opaque to clients.
const UUID = /^[0-9a-f-]{36}$/i;

export const encodeEventCursor = (createdAt: Date, id: string): string => enc({ t: createdAt.toISOString(), e: id });
export function decodeEventCursor(cursor: string): { createdAt: Date; id: string } {
  const v = dec(cursor);
  const t = typeof v.t === 'string' ? Date.parse(v.t) : Number.NaN;
  if (Number.isNaN(t) || typeof v.e !== 'string' || !UUID.test(v.e)) throw new AppError('CURSOR_INVALID');
  return { createdAt: new Date(t), id: v.e };
}

export const encodeSchoolCursor = (intensity: number, schoolId: string): string => enc({ i: intensity, s: schoolId });
export function decodeSchoolCursor(cursor: string): { intensity: number; schoolId: string } {
  const v = dec(cursor);
  if (typeof v.i !== 'number' || !Number.isFinite(v.i) || typeof v.s !== 'string' || !UUID.test(v.s)) throw new AppError('CURSOR_INVALID');
  return { intensity: v.i, schoolId: v.s };
}
