import { describe, expect, it } from 'vitest';
import { readMigrations } from './migrate.js';

describe('migration files', () => {
  it('are named by date and sequence, in order, and never empty', async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    for (const m of migrations) expect(m.script.trim().length).toBeGreaterThan(0);
  });

  it('declare geometry columns with SRID 4326', async () => {
    for (const m of await readMigrations()) {
      for (const match of m.script.matchAll(/geometry\(([^)]*)\)/gi)) expect(match[1]).toMatch(/,\s*4326$/);
    }
  });
});
