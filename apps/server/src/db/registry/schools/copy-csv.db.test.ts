import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { copyCsv, csvValue } from './copy-csv.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it('loads every value back as it was: NULL, empty, commas, quotes, line breaks, backslashes, spaces, JSON, numbers', async () => {
  const texts = [null, '', 'plain', 'a,b', 'He said "hi"', 'line\nbreak', 'cr\rhere', '\\.', ' spaced ', 'x\\y', 'राजकीय विद्यालय'];
  const json = { name: 'Asha, "focal"', phone: '+91 98' };
  const back = await database.db.transaction(async (tx: Executor) => {
    await tx.execute(sql`CREATE TEMP TABLE copy_check (n integer, t text, j jsonb, c integer) ON COMMIT DROP`);
    await copyCsv(
      database,
      tx,
      'copy_check',
      ['n', 't', 'j', 'c'],
      texts.map((t, n) => `${[n, t, n === 0 ? json : null, n === 1 ? -5 : null].map(csvValue).join(',')}\n`),
    );
    return database.rows<{ n: number; t: string | null; j: unknown; c: number | null }>(
      sql`SELECT n, t, j, c FROM copy_check ORDER BY n`,
      tx,
    );
  });
  expect(back.map((r) => r.t)).toEqual(texts);
  expect(back[0]!.j).toEqual(json);
  expect(back[1]!.c).toBe(-5);
});
