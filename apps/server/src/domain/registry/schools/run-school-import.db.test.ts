import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { runSchoolImportOn } from './school-import-harness.js';

const sikkim = ['1101', '1102', '1103', '1104'].map(
  (d) => new URL(`../../../../../../../shared/data/schools/udise-sikkim/ud_dt_n_${d}_page_01.geojson`, import.meta.url),
);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const count = async (query: ReturnType<typeof sql>) => Number((await database.rows<{ n: number }>(query))[0]!.n);

describe('importing the Sikkim UDISE+ schools', () => {
  it('creates 991 schools, then finds them all unchanged, then records one renamed school', async () => {
    const started = performance.now();
    let created = 0;
    for (const path of sikkim) {
      const run = await runSchoolImportOn(database, { path });
      expect(run.status).toBe('completed');
      expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
      created += run.counts.created;
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(`Sikkim: 991 rows in ${seconds.toFixed(2)} s (${Math.round(991 / seconds)} rows/s)`);
    expect(created).toBe(991);
    expect(await count(sql`SELECT count(*) AS n FROM schools WHERE code_system = 'udise' AND country_code = 'IN'`)).toBe(991);
    const first = (await database.rows<Record<string, unknown>>(sql`SELECT * FROM schools WHERE code = '11010102503'`))[0]!;
    expect(first).toMatchObject({
      name: 'MARIGOLD PRIVATE SCHOOL',
      rural_urban: 'rural',
      postcode: '737116',
      education_level: 'Primary',
      version: 1,
    });
    expect(first.declared_areas).toMatchObject({ district: { lgd: '227', census2011: '243', name: 'NORTH SIKKIM' } });

    let unchanged = 0;
    for (const path of sikkim) unchanged += (await runSchoolImportOn(database, { path })).counts.unchanged;
    expect(unchanged).toBe(991);
    expect(await count(sql`SELECT count(*) AS n FROM schools WHERE version <> 1`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM school_history`)).toBe(0);

    const csv = 'schcd,schname,latitude,longitude\n11010102503,Marigold Public School,27.26383,88.322058\n';
    const renamed = await runSchoolImportOn(database, { bytes: csv });
    expect(renamed.counts).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const history = await database.rows<{ changes: Record<string, unknown>; version: number; import_id: string }>(
      sql`SELECT h.changes, h.version, h.import_id FROM school_history h JOIN schools s ON s.id = h.school_id WHERE s.code = '11010102503'`,
    );
    expect(history).toEqual([
      { changes: { name: ['MARIGOLD PRIVATE SCHOOL', 'Marigold Public School'] }, version: 2, import_id: renamed.importId },
    ]);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM audit_log WHERE action = 'import.schools.batch' AND entity_id = ${renamed.importId}`,
      ),
    ).toBe(1);
  });
});
