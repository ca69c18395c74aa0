import { describe, expect, it } from 'vitest';
import { decodePageCursor, decodeSyncCursor, encodePageCursor, encodeSyncCursor, pageFrom } from './cursor.js';

const id = '0190e0a0-0000-7000-8000-000000000001';

describe('cursors', () => {
  it('round-trips page and sync cursors', () => {
    expect(decodePageCursor(encodePageCursor(id))).toBe(id);
    expect(decodeSyncCursor(encodeSyncCursor(42))).toBe(42);
  });

  it('refuses cursors it did not make', () => {
    for (const bad of ['garbage', encodeSyncCursor(1).slice(0, 3), Buffer.from('{"s":-1}').toString('base64url'), encodePageCursor('x')]) {
      expect(() => decodeSyncCursor(bad)).toThrow(/CURSOR_INVALID/);
    }
    expect(() => decodePageCursor(encodeSyncCursor(3))).toThrow(/CURSOR_INVALID/);
  });

  it('advances the sync cursor to the last change and pages full pages only', () => {
    const rows = [
      { id: 'a', changeSeq: 5 },
      { id: 'b', changeSeq: 9 },
    ];
    const sync = pageFrom(rows, 2, { since: 3 });
    expect(decodeSyncCursor(sync.syncCursor)).toBe(9);
    expect(sync.nextCursor).not.toBeNull();
    expect(decodeSyncCursor(pageFrom([], 2, { since: 3 }).syncCursor)).toBe(3);
    const page = pageFrom(rows, 10, { tableSeq: 12 });
    expect(page.nextCursor).toBeNull();
    expect(decodeSyncCursor(page.syncCursor)).toBe(12);
  });
});
