import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../db/database.js';
import { insertBoxArea } from '../../../testing/box-area.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { registryOf } from '../../../testing/school-import-files.js';
import { runSchoolImportOn } from './school-import-harness.js';

// Two registries with the same areas (same ids): one imports in a single batch, the other in batches of 23 rows, so
// a 240-row file is written as 11 batches, the later ones read while the earlier are written (on PostgreSQL).
const ids = { india: uuidv7(), sikkim: uuidv7(), gangtok: uuidv7(), namchi: uuidv7() };
let single: Database;
let many: Database;

async function withAreas(database: Database): Promise<Database> {
  const india = [ids.india];
  const sikkim = [...india, ids.sikkim];
  const district = (id: string, name: string, lgd: string, box: number[]) => ({
    id,
    level: 'district',
    name,
    path: [...sikkim, id],
    codes: { lgd },
    box,
  });
  const areas: Parameters<typeof insertBoxArea>[1][] = [
    { id: ids.india, level: 'country', name: 'India', path: india, codes: { iso3166: 'IN' }, box: null },
    { id: ids.sikkim, level: 'state', name: 'Sikkim', path: sikkim, codes: { lgd: '11' }, box: [88, 27, 89, 28.2] },
    district(ids.gangtok, 'GANGTOK', '225', [88.5, 27.2, 88.9, 27.6]),
    district(ids.namchi, 'Namchi', '227', [88.2, 27.0, 88.5, 27.2]),
  ];
  for (const area of areas) await insertBoxArea(database, area);
  return database;
}

beforeAll(async () => {
  single = await withAreas(await createTestDatabase());
  many = await withAreas(await createTestDatabase());
});
afterAll(async () => {
  await single?.close();
  await many?.close();
});

const gangtok = (i: number) => [27.3 + (i % 50) / 1000, 88.6 + (i % 40) / 1000];
const namchi = (i: number) => [27.1 + (i % 50) / 2000, 88.3 + (i % 40) / 1000];

/** 240 rows: most placed where declared, some declared elsewhere, without a point, or with a code no area has. */
function schoolFile(round: 1 | 2): string {
  const lines = ['schcd,schname,latitude,longitude,dist_lgd'];
  for (let i = 0; i < 240; i++) {
    const code = `1101${String(i).padStart(7, '0')}`;
    const renamed = round === 2 && i % 7 === 0;
    const moved = round === 2 && i % 11 === 0;
    const name = renamed ? `Government School ${i} (renamed)` : `Government School ${i}`;
    let [lat, lon] = i % 2 === 0 ? gangtok(i) : namchi(i);
    if (moved) [lat, lon] = i % 2 === 0 ? namchi(i) : gangtok(i);
    const declared = i % 17 === 0 ? '999' : i % 13 === 0 ? (i % 2 === 0 ? '227' : '225') : i % 2 === 0 ? '225' : '227';
    const point = i % 19 === 5 ? ['', ''] : [lat!.toFixed(5), lon!.toFixed(5)];
    lines.push([code, `"${name}"`, ...point, declared].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('a school import written in many batches', () => {
  it('leaves the same registry, reviews, history and counts as one batch, first time and on an update', async () => {
    for (const round of [1, 2] as const) {
      const bytes = schoolFile(round);
      const one = await runSchoolImportOn(single, { bytes });
      const split = await runSchoolImportOn(many, { bytes }, { batchSize: 23 });
      expect(split.status).toBe('completed');
      expect(split.counts).toEqual(one.counts);
      expect(await registryOf(many)).toEqual(await registryOf(single));
    }
    const after = await registryOf(many);
    expect(after.schools).toHaveLength(240);
    expect(after.history.length).toBeGreaterThan(30);
    expect(new Set(after.reviews.map((r) => r.kind))).toEqual(
      new Set(['outside_declared_area', 'unknown_area_code', 'no_location']),
    );
  });

  it('finds the same file unchanged in every batch', async () => {
    const again = await runSchoolImportOn(many, { bytes: schoolFile(2) }, { batchSize: 23 });
    expect(again.counts).toMatchObject({ rows: 240, created: 0, updated: 0, unchanged: 240 });
  });
});
