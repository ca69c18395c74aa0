import { AppError } from './app-error.js';

/**
 * Opaque cursors. A page cursor remembers the last row of a page; a sync cursor remembers the change sequence
 * a client has seen, so it can later ask only for what changed (deletions included) after it.
 */
export function encodeCursorObject(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function encodePageCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ p: lastId })).toString('base64url');
}

export function encodeSyncCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq })).toString('base64url');
}

/** The object inside a cursor this server made; anything else is CURSOR_INVALID. */
export function decodeCursorObject(cursor: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new AppError('CURSOR_INVALID', 'The cursor is not one this server gave out.');
}

export function decodePageCursor(cursor: string): string {
  const p = decodeCursorObject(cursor).p;
  if (typeof p !== 'string' || !/^[0-9a-f-]{36}$/i.test(p)) throw new AppError('CURSOR_INVALID');
  return p;
}

export function decodeSyncCursor(cursor: string): number {
  const s = decodeCursorObject(cursor).s;
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) throw new AppError('CURSOR_INVALID');
  return s;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  syncCursor: string;
}

/**
 * Shapes a list read. In sync mode (`since` given) rows come in change order and the sync cursor advances to
 * the last one; in page mode rows come in id order and the sync cursor is where the table stood before the read.
 */
export function pageFrom<R extends { id: string; changeSeq: number }>(
  rows: R[],
  limit: number,
  mode: { since: number } | { tableSeq: number },
): Page<R> {
  if ('since' in mode) {
    const last = rows.at(-1)?.changeSeq ?? mode.since;
    return { items: rows, nextCursor: rows.length === limit ? encodeSyncCursor(last) : null, syncCursor: encodeSyncCursor(last) };
  }
  const last = rows.at(-1);
  return {
    items: rows,
    nextCursor: rows.length === limit && last ? encodePageCursor(last.id) : null,
    syncCursor: encodeSyncCursor(mode.tableSeq),
  };
}
