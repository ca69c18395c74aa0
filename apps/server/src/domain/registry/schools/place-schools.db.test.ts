import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../db/database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { insertBoxArea } from '../../../testing/box-area.js';
import { runSchoolImportOn } from './school-import-harness.js';

let database: Database;
const ids = { india: uuidv7(), sikkim: uuidv7(), gangtok: uuidv7(), namchi: uuidv7() };

/** An area with a square polygon [lon0, lat0, lon1, lat1] (or none). */
const area = (id: string, level: string, name: string, path: string[], codes: Record<string, string>, box: number[] | null) =>
  insertBoxArea(database, { id, level, name, path, codes, box });

beforeAll(async () => {
  database = await createTestDatabase();
  await area(ids.india, 'country', 'India', [ids.india], { iso3166: 'IN' }, null);
  await area(ids.sikkim, 'state', 'Sikkim', [ids.india, ids.sikkim], { lgd: '11' }, [88, 27, 89, 28.2]);
  await area(
    ids.gangtok,
    'district',
    'GANGTOK',
    [ids.india, ids.sikkim, ids.gangtok],
    { lgd: '225', census2011: '244' },
    [88.5, 27.2, 88.9, 27.6],
  );
  await area(
    ids.namchi,
    'district',
    'Namchi',
    [ids.india, ids.sikkim, ids.namchi],
    { lgd: '227', census2011: '243' },
    [88.2, 27.0, 88.5, 27.2],
  );
});
afterAll(() => database.close());

const header = 'schcd,schname,latitude,longitude,dist_lgd,dtname\n';
async function school(code: string) {
  const [row] = await database.rows<{ id: string; area_id: string | null; area_path: string[]; placement: string }>(
    sql`SELECT id, area_id, area_path, placement FROM schools WHERE code = ${code}`,
  );
  const reviews = await database.rows<{ kind: string; area_path: string[]; detail: Record<string, unknown> }>(
    sql`SELECT kind, area_path, detail FROM registry_reviews WHERE school_id = ${row!.id} ORDER BY kind`,
  );
  return { ...row!, reviews };
}

describe('placing imported schools', () => {
  it('matches a point inside its declared district, spelled differently only in case and the word "District"', async () => {
    await runSchoolImportOn(database, { bytes: `${header}11000000001,Enchey School,27.34,88.61,225,Gangtok District\n` });
    const s = await school('11000000001');
    expect(s).toMatchObject({
      placement: 'matched',
      area_id: ids.gangtok,
      area_path: [ids.india, ids.sikkim, ids.gangtok],
      reviews: [],
    });
  });

  it('puts a point in another district than the declared one in conflict, for both officers to review', async () => {
    await runSchoolImportOn(database, { bytes: `${header}11000000002,Misplaced School,27.34,88.61,227,Namchi\n` });
    const s = await school('11000000002');
    expect(s).toMatchObject({ placement: 'conflict', area_id: ids.gangtok });
    expect(s.reviews.map((r) => r.kind)).toEqual(['outside_declared_area']);
    expect(s.reviews[0]!.area_path).toEqual(expect.arrayContaining([ids.gangtok, ids.namchi]));
    expect(s.reviews[0]!.detail).toMatchObject({
      declared: { lgd: '227', name: 'Namchi' },
      foundAreaId: ids.gangtok,
      foundAreaName: 'GANGTOK',
    });
  });

  it('places a school without location by its declared code, with a review', async () => {
    await runSchoolImportOn(database, { bytes: `${header}11000000003,Unmapped School,,,227,Namchi\n` });
    const s = await school('11000000003');
    expect(s).toMatchObject({
      placement: 'declared_only',
      area_id: ids.namchi,
      reviews: [{ kind: 'no_location', area_path: [ids.india, ids.sikkim, ids.namchi] }],
    });
  });

  it('flags unknown codes, names that differ, and points outside every area', async () => {
    const csv = `${header}11000000004,Odd Code,27.34,88.61,999,Gangtok\n11000000005,Old Name,27.1,88.3,227,South District\n11000000006,Far Away,20.0,80.0,,\n`;
    await runSchoolImportOn(database, { bytes: csv });
    const odd = await school('11000000004');
    expect(odd).toMatchObject({ placement: 'located_only', area_id: ids.gangtok });
    expect(odd.reviews.map((r) => r.kind)).toEqual(['unknown_area_code']);
    const renamed = await school('11000000005');
    expect(renamed).toMatchObject({ placement: 'matched', area_id: ids.namchi });
    expect(renamed.reviews.map((r) => r.kind)).toEqual(['area_name_mismatch']);
    expect(renamed.reviews[0]!.detail).toMatchObject({ declaredName: 'South District', areaName: 'Namchi' });
    const far = await school('11000000006');
    expect(far).toMatchObject({ placement: 'unplaced', area_id: null, reviews: [{ kind: 'outside_any_area' }] });
  });

  it('re-places a school that moved and replaces its open reviews', async () => {
    await runSchoolImportOn(database, { bytes: `${header}11000000002,Misplaced School,27.1,88.3,227,Namchi\n` });
    const s = await school('11000000002');
    expect(s).toMatchObject({ placement: 'matched', area_id: ids.namchi, reviews: [] });
  });

  it('places a moved school with the registry values of what its file leaves out', async () => {
    await runSchoolImportOn(database, { bytes: `${header}11000000003,Mover School,27.1,88.3,227,Namchi\n` });
    expect(await school('11000000003')).toMatchObject({ placement: 'matched', area_id: ids.namchi });
    // Moved into Gangtok by a file without district codes: the stored declaration (Namchi) still counts.
    const moved = await runSchoolImportOn(database, {
      bytes: 'schcd,schname,latitude,longitude\n11000000003,Mover School,27.4,88.7\n',
    });
    expect(moved.counts).toMatchObject({ updated: 1 });
    expect(await school('11000000003')).toMatchObject({
      placement: 'conflict',
      area_id: ids.gangtok,
      reviews: [{ kind: 'outside_declared_area' }],
    });
    // Declared in Gangtok by a file without coordinates: the stored point places it, and the conflict is gone.
    await runSchoolImportOn(database, { bytes: 'schcd,schname,dist_lgd\n11000000003,Mover School,225\n' });
    expect(await school('11000000003')).toMatchObject({ placement: 'matched', area_id: ids.gangtok, reviews: [] });
  });
});
