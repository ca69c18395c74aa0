import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Scope } from '@safeschools/domain';
import type { Database } from '../../../db/database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { insertBoxArea } from '../../../testing/box-area.js';
import { runSchoolImportOn } from './school-import-harness.js';

/**
 * An East Sikkim officer's import may create, change and move schools of East Sikkim only. Each row that would
 * reach South Sikkim (rename one of its schools, create a school there, move a school there) is a row error, and
 * refuses the whole import unless "valid rows only" was chosen.
 */
let database: Database;
const ids = { india: uuidv7(), sikkim: uuidv7(), east: uuidv7(), south: uuidv7() };
let east: Scope;

const header = 'schcd,schname,latitude,longitude\n';
// Points inside each district's square below.
const inEast = '27.34,88.61';
const inSouth = '27.1,88.3';

async function school(code: string) {
  const [row] = await database.rows<{ name: string; area_id: string | null; lat: number | null; version: number }>(
    sql`SELECT name, area_id, ST_Y(location) AS lat, version FROM schools WHERE code = ${code}`,
  );
  return row;
}

const problemsOf = (run: { problems: { row: number; severity: string; code: string }[] }) =>
  run.problems.filter((p) => p.severity === 'error').map((p) => `${p.row}:${p.code}`);

beforeAll(async () => {
  database = await createTestDatabase();
  const area = (id: string, level: string, name: string, path: string[], box: number[] | null) =>
    insertBoxArea(database, { id, level, name, path, codes: {}, box });
  await area(ids.india, 'country', 'India', [ids.india], null);
  await area(ids.sikkim, 'state', 'Sikkim', [ids.india, ids.sikkim], [88, 27, 89, 28.2]);
  await area(ids.east, 'district', 'East Sikkim', [ids.india, ids.sikkim, ids.east], [88.5, 27.2, 88.9, 27.6]);
  await area(ids.south, 'district', 'South Sikkim', [ids.india, ids.sikkim, ids.south], [88.2, 27.0, 88.5, 27.2]);
  east = { kind: 'limited', areaIds: [ids.east], schoolIds: [] };
  // The registry as an administrator left it: one school in each district.
  const seeded = await runSchoolImportOn(database, {
    bytes: `${header}11000000001,Enchey School,${inEast}\n11000000002,Namchi School,${inSouth}\n`,
  });
  expect(seeded.counts).toMatchObject({ created: 2 });
});
afterAll(() => database.close());

describe("a district officer's school import", () => {
  it("refuses to rename another district's school, and changes nothing", async () => {
    const run = await runSchoolImportOn(
      database,
      { bytes: `${header}11000000002,Renamed By East,${inSouth}\n` },
      { scope: east },
    );
    expect(run.status).toBe('rejected');
    expect(problemsOf(run)).toEqual(['1:OUTSIDE_SCOPE']);
    expect(run.counts).toMatchObject({ rows: 1, created: 0, updated: 0, rejected: 1 });
    expect(await school('11000000002')).toMatchObject({ name: 'Namchi School', area_id: ids.south, version: 1 });
  });

  it("refuses a row naming another district's school even when it changes nothing, so its district stays unknown", async () => {
    const run = await runSchoolImportOn(database, { bytes: `${header}11000000002,Namchi School,${inSouth}\n` }, { scope: east });
    expect(run.status).toBe('rejected');
    expect(problemsOf(run)).toEqual(['1:OUTSIDE_SCOPE']);
    expect(run.counts).toMatchObject({ unchanged: 0, rejected: 1 });
  });

  it('refuses to create a school placed in another district', async () => {
    const run = await runSchoolImportOn(database, { bytes: `${header}11000000003,New In South,${inSouth}\n` }, { scope: east });
    expect(run.status).toBe('rejected');
    expect(problemsOf(run)).toEqual(['1:OUTSIDE_SCOPE']);
    expect(await school('11000000003')).toBeUndefined();
  });

  it('refuses to create a school it cannot place at all (nobody in a district could see it afterwards)', async () => {
    const run = await runSchoolImportOn(database, { bytes: `${header}11000000004,Nowhere School,,\n` }, { scope: east });
    expect(problemsOf(run)).toEqual(['1:OUTSIDE_SCOPE']);
    expect(await school('11000000004')).toBeUndefined();
  });

  it('refuses to move one of its schools into another district', async () => {
    const run = await runSchoolImportOn(database, { bytes: `${header}11000000001,Enchey School,${inSouth}\n` }, { scope: east });
    expect(run.status).toBe('rejected');
    expect(problemsOf(run)).toEqual(['1:OUTSIDE_SCOPE']);
    expect(await school('11000000001')).toMatchObject({ area_id: ids.east, lat: 27.34, version: 1 });
  });

  it("refuses to move another district's school into its own", async () => {
    const run = await runSchoolImportOn(database, { bytes: `${header}11000000002,Namchi School,${inEast}\n` }, { scope: east });
    expect(problemsOf(run)).toEqual(['1:OUTSIDE_SCOPE']);
    expect(await school('11000000002')).toMatchObject({ area_id: ids.south, lat: 27.1 });
  });

  it('writes nothing of a file with one row outside its area, in whichever batch that row comes', async () => {
    const rows = [`11000000011,East One,${inEast}`, `11000000012,East Two,${inEast}`, `11000000002,Taken Over,${inSouth}`];
    const run = await runSchoolImportOn(database, { bytes: header + rows.join('\n') }, { scope: east, batchSize: 1 });
    expect(run.status).toBe('rejected');
    expect(problemsOf(run)).toEqual(['3:OUTSIDE_SCOPE']);
    expect(await school('11000000011')).toBeUndefined();
    expect(await school('11000000012')).toBeUndefined();
  });

  it('reports the rows outside its area in a dry run', async () => {
    const run = await runSchoolImportOn(
      database,
      { bytes: `${header}11000000021,East Dry,${inEast}\n11000000002,Taken Over,${inSouth}\n` },
      { scope: east, dryRun: true },
    );
    expect(run.status).toBe('rejected');
    expect(problemsOf(run)).toEqual(['2:OUTSIDE_SCOPE']);
    expect(run.counts).toMatchObject({ created: 1, rejected: 1 });
    expect(await school('11000000021')).toBeUndefined();
  });

  it('with valid rows only, writes its own rows and refuses the others', async () => {
    const run = await runSchoolImportOn(
      database,
      {
        bytes: `${header}11000000031,East Valid,${inEast}\n11000000002,Taken Over,${inSouth}\n11000000001,Enchey Renamed,${inEast}\n`,
      },
      { scope: east, validRowsOnly: true, batchSize: 2 },
    );
    expect(run.status).toBe('completed');
    expect(problemsOf(run)).toEqual(['2:OUTSIDE_SCOPE']);
    expect(run.counts).toMatchObject({ rows: 3, created: 1, updated: 1, unchanged: 0, rejected: 1 });
    expect(await school('11000000031')).toMatchObject({ area_id: ids.east });
    expect(await school('11000000001')).toMatchObject({ name: 'Enchey Renamed' });
    expect(await school('11000000002')).toMatchObject({ name: 'Namchi School' });
  });

  it('an officer of the whole state may do all of it', async () => {
    const state: Scope = { kind: 'limited', areaIds: [ids.sikkim], schoolIds: [] };
    const run = await runSchoolImportOn(
      database,
      { bytes: `${header}11000000002,Namchi Renamed,${inSouth}\n11000000041,South New,${inSouth}\n` },
      { scope: state },
    );
    expect(run.status).toBe('completed');
    expect(run.counts).toMatchObject({ created: 1, updated: 1, rejected: 0 });
  });
});
