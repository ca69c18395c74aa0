import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database } from '../../../db/database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { buildArea, buildSchool } from '../../../testing/factories.js';
import { runSchoolImportOn } from './school-import-harness.js';
import { areaRollup, type AreaRollupRow } from '../../../db/areas/area-rollup.repository.js';

let database: Database;
let country: { id: string; path: string[] };
const everything: Scope = { kind: 'all' };
// A scope that sees every school but is not "all", so the roll-up counts the rows themselves.
const counted = (): Scope => ({ kind: 'limited', areaIds: [country.id], schoolIds: [] });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function expectSameAsCounting() {
  for (const level of ['country', 'state', 'district']) {
    const kept = await areaRollup(database, database.db, everything, { level, withGeometry: false });
    const rows = await areaRollup(database, database.db, counted(), { level, withGeometry: false });
    // Each sum with the number of schools it covers (migration 0010).
    const counts = (r: AreaRollupRow) => [
      r.name,
      r.schools,
      ...[r.children, r.girls, r.boys, r.schools_with_children, r.schools_with_girls, r.schools_with_boys].map(Number),
    ];
    expect(kept.map(counts)).toEqual(rows.map(counts));
  }
}

it('keeps the counts per area right through inserts, imports, edits, moves and deletes', async () => {
  country = await buildArea(database, { name: 'India', level: 'country' });
  const state = await buildArea(database, { name: 'Sikkim', level: 'state', parent: country, codes: { lgd: '11' } });
  const east = await buildArea(database, { name: 'East', level: 'district', parent: state, codes: { lgd: '225' } });
  const west = await buildArea(database, { name: 'West', level: 'district', parent: state, codes: { lgd: '227' } });
  const a = await buildSchool(database, { area: east, girls: 10, boys: 12 });
  const b = await buildSchool(database, { area: east, girls: 5, boys: 1 });
  await buildSchool(database, { area: west, girls: 7, boys: 0 });
  const unrecorded = await buildSchool(database, { area: west });
  await expectSameAsCounting();

  const csv = 'schcd,schname,dist_lgd,num_students_girls,num_students_boys\n11111111111,One,225,3,4\n22222222222,Two,227,,9\n';
  expect((await runSchoolImportOn(database, { bytes: csv })).status).toBe('completed');
  expect((await runSchoolImportOn(database, { bytes: csv.replace(',3,4', ',30,4') })).counts.updated).toBe(1);
  await expectSameAsCounting();

  await database.rows(sql`UPDATE schools SET enrolment_girls = 50, enrolment_total = 70 WHERE id = ${a.id}`);
  await database.rows(sql`UPDATE schools SET enrolment_total = 40 WHERE id = ${unrecorded.id}`);
  await database.rows(sql`UPDATE schools SET enrolment_girls = NULL WHERE id = ${b.id}`);
  await database.rows(sql`UPDATE schools SET area_id = ${west.id}, area_path = ${`{${west.path.join(',')}}`}::uuid[] WHERE id = ${b.id}`);
  await expectSameAsCounting();
  await database.rows(sql`UPDATE schools SET deleted_at = now() WHERE id = ${a.id}`);
  await expectSameAsCounting();
  await database.rows(sql`UPDATE schools SET deleted_at = NULL WHERE id = ${a.id}`);
  await database.rows(sql`DELETE FROM schools WHERE id = ${b.id}`);
  await expectSameAsCounting();
  const [east2] = (await areaRollup(database, database.db, everything, { level: 'district', withGeometry: false })).filter((r) => r.name === 'East');
  expect(east2?.schools).toBe(2);
  // West: the 7 + 0 school, Two (boys only, from the import) and the school given a total later; boys alone are no
  // count of children, so Two's children are unknown rather than 9 or 0.
  const [west2] = (await areaRollup(database, database.db, everything, { level: 'district', withGeometry: false })).filter((r) => r.name === 'West');
  expect(west2).toMatchObject({ schools: 3, children: 47, schools_with_children: 2, girls: 7, schools_with_girls: 1, boys: 9, schools_with_boys: 2 });
});
