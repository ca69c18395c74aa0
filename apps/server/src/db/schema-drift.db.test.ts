import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { createTestDatabase } from '../testing/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('migrations', () => {
  it('are all applied in the template and applying again does nothing', async () => {
    expect(await migrate(database)).toEqual([]);
  });

  it('match the drizzle schema column for column', async () => {
    const columns = await database.rows<{ table_name: string; column_name: string; is_nullable: string }>(
      sql`SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const inDb = new Map<string, Map<string, boolean>>();
    for (const c of columns) {
      if (!inDb.has(c.table_name)) inDb.set(c.table_name, new Map());
      inDb.get(c.table_name)!.set(c.column_name, c.is_nullable === 'YES');
    }
    const problems: string[] = [];
    for (const table of Object.values(schema) as PgTable[]) {
      const config = getTableConfig(table);
      const dbColumns = inDb.get(config.name);
      if (!dbColumns) {
        problems.push(`table ${config.name} is in schema.ts but not in the migrations`);
        continue;
      }
      for (const column of config.columns) {
        if (!dbColumns.has(column.name)) problems.push(`${config.name}.${column.name} is missing from the migrations`);
        else if (dbColumns.get(column.name) !== !column.notNull) problems.push(`${config.name}.${column.name} differs in NOT NULL`);
      }
      for (const name of dbColumns.keys()) {
        if (!config.columns.some((c) => c.name === name)) problems.push(`${config.name}.${name} is in the migrations but not in schema.ts`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('stamp every change with a rising change sequence and a new updated_at', async () => {
    const id = '0190e0a0-0000-7000-8000-0000000000aa';
    await database.execScript(`INSERT INTO areas (id, level, name, path) VALUES ('${id}', 'country', 'Testland', ARRAY['${id}']::uuid[])`);
    const [first] = await database.rows<{ change_seq: number; updated_at: string }>(sql`SELECT change_seq, updated_at FROM areas WHERE id = ${id}`);
    await database.execScript(`UPDATE areas SET name = 'Testland 2' WHERE id = '${id}'`);
    const [second] = await database.rows<{ change_seq: number; updated_at: string }>(sql`SELECT change_seq, updated_at FROM areas WHERE id = ${id}`);
    expect(second!.change_seq).toBeGreaterThan(first!.change_seq);
    expect(typeof second!.change_seq).toBe('number');
  });
});
