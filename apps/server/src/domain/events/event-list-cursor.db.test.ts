import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';
import { createTestDatabase } from '../../testing/test-database.js';
import type { Database } from '../../db/database.js';
import { insertEvent, listEventRows } from '../../db/events/events.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the events list cursor', () => {
  it('pages through events created within one millisecond without skipping any', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = uuidv7();
      ids.push(id);
      await insertEvent(database.db, { id, kind: 'scenario', title: `e${i}`, imt: 'MMI', computedAt: new Date() });
    }
    // The same millisecond, different microseconds: what PostgreSQL's now() gives events written close together.
    for (const [i, id] of ids.entries()) {
      await database.db.execute(sql`UPDATE hazard_events SET created_at = '2026-12-08T01:02:03.456Z'::timestamptz + ${`${i * 100} microseconds`}::interval WHERE id = ${id}`);
    }
    const seen: string[] = [];
    let after: { createdAt: Date; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await listEventRows(database.db, { limit: 1, ...(after ? { after } : {}) });
      if (rows.length === 0) break;
      seen.push(rows[0]!.id);
      after = decodeEventCursor(encodeEventCursor(rows[0]!.createdAt, rows[0]!.id));
    }
    expect(seen.sort()).toEqual([...ids].sort());
  });
});
