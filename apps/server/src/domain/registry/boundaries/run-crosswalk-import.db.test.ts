import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { importTestContext, sharedData } from './import-test-context.js';
import { runBoundaryImport } from './run-boundary-import.js';
import { runCrosswalkImport } from './run-crosswalk-import.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await runBoundaryImport(
    importTestContext(database, { path: sharedData('udit001_india_districts_states.topo.json') }),
  );
  expect(outcome.status).toBe('completed');
}, 300_000); // a fresh database and the all-India import: slow when the machine is busy
afterAll(() => database.close());

const codesOf = (stateName: string) =>
  database.rows<{ name: string; codes: Record<string, string>; names: Record<string, string>; version: number }>(sql`
    SELECT d.name, d.codes, d.names, d.version FROM areas d JOIN areas s ON s.id = d.parent_id
    WHERE s.name = ${stateName} AND d.level = 'district' ORDER BY d.codes->>'census2011'`);

describe('the LGD district crosswalk', () => {
  it('adds LGD and Census 2001 codes to the districts with a Census 2011 code', async () => {
    // Expected pairs read from the file itself, so the test follows the data rather than a copy of it.
    const csv = readFileSync(sharedData('lgd_districts.csv'), 'utf8');
    const sikkimRows = csv.split('\n').filter((l) => l.startsWith('11,SIKKIM') && !l.endsWith(',0'));
    const expected = Object.fromEntries(sikkimRows.map((l) => l.split(',')).map((c) => [c[5]!.trim(), c[2]!]));
    expect(expected).toEqual({ '244': '225', '242': '228', '241': '226', '243': '227' });

    const dctx = importTestContext(database, { path: sharedData('lgd_districts.csv') }, { dryRun: true });
    const dry = await runCrosswalkImport(dctx);
    expect(dry.status).toBe('validated');
    expect((await codesOf('Sikkim'))[0]!.codes.lgd).toBeUndefined();

    const ctx = importTestContext(database, { path: sharedData('lgd_districts.csv') });
    const outcome = await runCrosswalkImport(ctx);
    expect(outcome.status).toBe('completed');
    expect(outcome.mapping).toMatchObject({
      level: 'district',
      'match.census2011': 'Census 2011 Code',
      'add.lgd': 'District Code',
    });
    expect(outcome.counts.rows).toBe(763);
    expect(outcome.counts.updated).toBeGreaterThan(550);
    expect(outcome.message).toMatch(/match no stored district/);
    expect(ctx.problems.some((p) => p.code === 'NO_MATCH_CODE' && p.value === '0')).toBe(true);

    const sikkim = await codesOf('Sikkim');
    expect(Object.fromEntries(sikkim.map((d) => [d.codes.census2011, d.codes.lgd]))).toEqual(expected);
    expect(sikkim.find((d) => d.codes.census2011 === '244')).toMatchObject({
      name: 'East Sikkim',
      names: { lgd: 'Gangtok' },
      version: 2,
    });
    // Mizoram's districts wrongly carry Nagaland's census codes: the state name settles which one LGD means.
    const mon = (await codesOf('Nagaland')).find((d) => d.name === 'Mon');
    expect(mon?.codes.lgd).toBe('247');

    const again = await runCrosswalkImport(importTestContext(database, { path: sharedData('lgd_districts.csv') }));
    expect(again.counts.updated).toBe(0);
  });

  it('reads the LGD states file (two "State Name" columns) and refuses a code given to two areas', async () => {
    const states = await runCrosswalkImport(importTestContext(database, { path: sharedData('lgd_states.csv') }));
    expect(states.status).toBe('completed');
    const [sikkim] = await database.rows<{ codes: Record<string, string> }>(
      sql`SELECT codes FROM areas WHERE level = 'state' AND name = 'Sikkim'`,
    );
    expect(sikkim!.codes).toMatchObject({ census2011: '11', lgd: '11' });

    const text = '"District Code","Census 2011 Code"\n9001,241\n9001,242\n';
    const ctx = importTestContext(
      database,
      { text },
      {
        options: {
          level: 'district',
          match: { system: 'census2011', column: 'Census 2011 Code' },
          add: [{ system: 'lgd', column: 'District Code' }],
        },
      },
    );
    const conflict = await runCrosswalkImport(ctx);
    expect(conflict.status).toBe('rejected');
    expect(ctx.problems).toContainEqual(expect.objectContaining({ row: 3, severity: 'error', code: 'CODE_CONFLICT' }));
    expect((await codesOf('Sikkim')).map((d) => d.codes.lgd)).not.toContain('9001');
  });

  it('explains a file it cannot read as a crosswalk', async () => {
    await expect(runCrosswalkImport(importTestContext(database, { text: 'a,b\n1,2\n' }))).rejects.toThrow(
      /Give options level, match/,
    );
    await expect(runCrosswalkImport(importTestContext(database, { text: '"a,b\n1' }))).rejects.toThrow(/not a readable CSV/);
  });
});
