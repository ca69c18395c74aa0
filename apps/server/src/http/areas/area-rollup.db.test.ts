import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let admin: Caller;
let officer: Caller;
let sikkim: { id: string; path: string[] };

interface Figure {
  total: number | null;
  schoolsWithFigure: number;
  schoolsWithoutFigure: number;
}

interface Item {
  name: string;
  schools: number;
  children: Figure;
  girls: Figure;
  boys: Figure;
  geometry: { type: string } | null;
}

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  const namchi = await buildArea(t.database, { name: 'Namchi', level: 'district', parent: sikkim });
  const kerala = await buildArea(t.database, { name: 'Kerala', level: 'state', parent: india });
  const ernakulam = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: kerala });
  await t.database.execScript(
    `UPDATE areas SET geom = ST_Multi(ST_SetSRID(ST_GeomFromText('POLYGON((88.5 27.2, 88.8 27.2, 88.8 27.5, 88.5 27.5, 88.5 27.2))'), 4326)) WHERE id = '${gangtok.id}'`,
  );
  await buildSchool(t.database, { area: gangtok, girls: 100, boys: 90 });
  await buildSchool(t.database, { area: gangtok, girls: 10, boys: 20 });
  await buildSchool(t.database, { area: ernakulam, girls: 500, boys: 400 });
  void namchi;
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('area roll-up', () => {
  it('counts schools and children by district, including districts with none', async () => {
    const items = (await admin.get('/api/v1/areas/rollup?level=district')).json<{ items: Item[] }>().items;
    expect(items.map((i) => [i.name, i.schools, i.children.total, i.girls.total, i.boys.total, i.children.schoolsWithFigure])).toEqual([
      ['Ernakulam', 1, 900, 500, 400, 1],
      ['Gangtok', 2, 220, 110, 110, 2],
      // No schools: no children, a known 0 that covers no school.
      ['Namchi', 0, 0, 0, 0, 0],
    ]);
  });

  it('rolls up by state and within a parent', async () => {
    const states = (await admin.get('/api/v1/areas/rollup?level=state')).json<{ items: Item[] }>().items;
    expect(states.map((i) => [i.name, i.schools])).toEqual([['Kerala', 1], ['Sikkim', 2]]);
    const inSikkim = (await admin.get(`/api/v1/areas/rollup?level=district&parent=${sikkim.id}`)).json<{ items: Item[] }>().items;
    expect(inSikkim.map((i) => i.name)).toEqual(['Gangtok', 'Namchi']);
  });

  it('adds simplified shapes for choropleths', async () => {
    const items = (await admin.get('/api/v1/areas/rollup?level=district&geometry=simplified')).json<{ items: Item[] }>().items;
    expect(items.find((i) => i.name === 'Gangtok')?.geometry?.type).toBe('MultiPolygon');
    expect(items.find((i) => i.name === 'Namchi')?.geometry).toBeNull();
  });

  it('keeps to the caller\u2019s scope', async () => {
    const items = (await officer.get('/api/v1/areas/rollup?level=district')).json<{ items: Item[] }>().items;
    expect(items.map((i) => i.name)).toEqual(['Gangtok']);
    expect((await officer.get('/api/v1/areas/rollup?level=state')).json<{ items: Item[] }>().items).toEqual([]);
  });

  it('needs a level', async () => {
    expect((await admin.get('/api/v1/areas/rollup')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const rows = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM areas`);
    expect(rows[0]!.n).toBe(6);
  });
});
