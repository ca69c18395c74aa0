import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { importTestContext, sharedData } from './import-test-context.js';
import { runBoundaryImport } from './run-boundary-import.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const INDIA = sharedData('udit001_india_districts_states.topo.json');
const count = async (level: string) =>
  (await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM areas WHERE level = ${level} AND valid_to IS NULL`))[0]!
    .n;

describe('importing the all-India TopoJSON', () => {
  it('a dry run validates and writes nothing', async () => {
    const ctx = importTestContext(database, { path: INDIA }, { dryRun: true });
    const outcome = await runBoundaryImport(ctx);
    expect(outcome.status).toBe('validated');
    expect(outcome.counts).toMatchObject({ created: 36 + 723, rejected: 0 });
    expect(await count('district')).toBe(0);
  });

  it('builds country, 36 states and 723 districts with paths, and suggests the mapping', async () => {
    const ctx = importTestContext(database, { path: INDIA });
    const began = Date.now();
    const outcome = await runBoundaryImport(ctx);
    console.info(`all-India TopoJSON on ${database.kind}: ${Date.now() - began} ms`);
    expect(outcome.status).toBe('completed');
    expect(outcome.message).toContain('Read TopoJSON');
    expect(outcome.mapping).toMatchObject({
      'districts.code': 'dt_code',
      'districts.name': 'district',
      'districts.parentCode': 'st_code',
      'states.code': 'st_code',
      'states.name': 'st_nm',
    });
    expect(outcome.columns).toEqual(expect.arrayContaining(['st_nm', 'st_code', 'district', 'dt_code', 'year']));
    expect(outcome.counts).toEqual({ rows: 759, created: 759, updated: 0, unchanged: 0, rejected: 0 });
    expect([await count('country'), await count('state'), await count('district')]).toEqual([1, 36, 723]);
    // Real-file quirks are warnings, not losses: Delhi has no code, Mizoram reuses Nagaland's codes.
    expect(ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ctx.problems.filter((p) => p.code === 'CODE_MISSING').map((p) => p.row)).toHaveLength(5);
    expect(ctx.problems.filter((p) => p.code === 'CODE_REUSED')).toHaveLength(9);

    const sikkim = await database.rows<{ name: string; code: string; path: string[]; state_path: string[]; country: string }>(sql`
      SELECT d.name, d.codes->>'census2011' AS code, d.path, s.path AS state_path, c.name AS country
      FROM areas d JOIN areas s ON s.id = d.parent_id JOIN areas c ON c.id = s.parent_id
      WHERE s.name = 'Sikkim' ORDER BY code`);
    expect(sikkim.map((d) => [d.name, d.code])).toEqual([
      ['North Sikkim', '241'],
      ['West Sikkim', '242'],
      ['South Sikkim', '243'],
      ['East Sikkim', '244'],
    ]);
    for (const d of sikkim) {
      expect(d.country).toBe('India');
      expect(d.path.slice(0, 2)).toEqual(d.state_path);
      expect(d.path).toHaveLength(3);
    }
    const [india] = await database.rows<{ codes: unknown; country_code: string }>(
      sql`SELECT codes, country_code FROM areas WHERE level = 'country'`,
    );
    expect(india).toEqual({ codes: { iso3166: 'IN' }, country_code: 'IN' });
    const gangtok = await database.rows<{ name: string }>(sql`
      SELECT name FROM areas WHERE level = 'district' AND ST_Covers(geom, ST_SetSRID(ST_MakePoint(88.6138, 27.3314), 4326))`);
    expect(gangtok.map((r) => r.name)).toEqual(['East Sikkim']);
  });

  it('finds everything unchanged on a second import, and the Sikkim GeoJSON matches the same districts', async () => {
    const again = await runBoundaryImport(importTestContext(database, { path: INDIA }));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 759 });
    const ctx = importTestContext(database, { path: sharedData('udit001_sikkim_districts.geojson') });
    const sikkim = await runBoundaryImport(ctx);
    expect(sikkim.message).toContain('Read GeoJSON (features as district)');
    expect(sikkim.mapping).toMatchObject({ 'features.code': 'dt_code', 'features.parentCode': 'st_code' });
    expect(sikkim.counts.created).toBe(0);
    expect(sikkim.counts.updated + sikkim.counts.unchanged).toBe(4);
    expect(await count('district')).toBe(723);
  });
});
