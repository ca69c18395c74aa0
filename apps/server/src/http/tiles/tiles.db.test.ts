import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let admin: Caller;
let officer: Caller;
let sikkim: Awaited<ReturnType<typeof buildArea>>;

/** Slippy-map tile containing a point (OSM convention). */
function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

function decode(body: Buffer) {
  const layer = new VectorTile(new Protobuf(body) as unknown as ConstructorParameters<typeof VectorTile>[0]).layers.schools;
  return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties) : [];
}

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  const kerala = await buildArea(t.database, { name: 'Kerala', level: 'state', parent: india });
  await buildSchool(t.database, { area: sikkim, name: 'Enchey School', lon: 88.6165, lat: 27.3389, girls: 200, boys: 190 });
  await buildSchool(t.database, { area: sikkim, name: 'Tashi Namgyal Academy', lon: 88.6102, lat: 27.3256, girls: 300, boys: 310 });
  await buildSchool(t.database, { area: kerala, name: 'Kochi Government School', lon: 76.2673, lat: 9.9312, girls: 500, boys: 450 });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [sikkim.id] })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('school vector tiles', () => {
  it('serves single schools with their names at local zoom', async () => {
    const { x, y } = tileOf(88.61, 27.33, 12);
    const r = await admin.get(`/api/v1/tiles/schools/12/${x}/${y}.mvt`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    const features = decode(r.rawPayload);
    expect(features.map((f) => f.name).sort()).toEqual(['Enchey School', 'Tashi Namgyal Academy']);
    expect(features.find((f) => f.name === 'Enchey School')?.children).toBe(390);
  });

  it('clusters at national zoom with counts and children', async () => {
    const { x, y } = tileOf(88.61, 27.33, 4);
    const features = decode((await admin.get(`/api/v1/tiles/schools/4/${x}/${y}.mvt`)).rawPayload);
    expect(features.reduce((sum, f) => sum + Number(f.count), 0)).toBe(2);
    expect(features.reduce((sum, f) => sum + Number(f.children), 0)).toBe(1000);
    expect(features.every((f) => f.name === undefined)).toBe(true);
  });

  it('leaves out schools outside the viewer\u2019s scope, and answers 204 for an empty tile', async () => {
    const { x, y } = tileOf(76.2673, 9.9312, 12);
    expect((await admin.get(`/api/v1/tiles/schools/12/${x}/${y}.mvt`)).statusCode).toBe(200);
    const hidden = await officer.get(`/api/v1/tiles/schools/12/${x}/${y}.mvt`);
    expect(hidden.statusCode).toBe(204);
    expect(hidden.body).not.toContain('Kochi');
  });

  it('lets the browser keep a tile only while the registry and the viewer stay the same', async () => {
    const { x, y } = tileOf(88.61, 27.33, 12);
    const url = `/api/v1/tiles/schools/12/${x}/${y}.mvt`;
    const first = await admin.get(url);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await admin.request('GET', url, undefined, { 'if-none-match': tag });
    expect([again.statusCode, again.rawPayload.byteLength, again.headers.etag]).toEqual([304, 0, tag]);
    // Another viewer of the same tile never gets a "your copy holds" for someone else's copy.
    const other = await officer.request('GET', url, undefined, { 'if-none-match': tag });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(tag);
    // A school added by an import or an edit shows at once, not after a cache lifetime.
    await buildSchool(t.database, { area: sikkim, name: 'Rumtek School', lon: 88.612, lat: 27.33 });
    const changed = await admin.request('GET', url, undefined, { 'if-none-match': tag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
    expect(decode(changed.rawPayload).map((f) => f.name)).toContain('Rumtek School');
  });

  it('refuses tiles that do not exist at a zoom', async () => {
    const r = await admin.get('/api/v1/tiles/schools/2/9/1.mvt');
    expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await t.anonymous.get('/api/v1/tiles/schools/2/1/1.mvt')).statusCode).toBe(401);
  });
});
