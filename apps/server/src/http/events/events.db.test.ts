import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

const shared = (p: string) => new URL(`../../../../../../shared/data/${p}`, import.meta.url);

let t: TestApp;
let admin: Caller;
let puriOfficer: Caller;
let viewer: Caller;
const ids: Record<string, string> = {};

function multipart(parts: { field: string; filename?: string; data: Buffer | string }[]) {
  const boundary = `----ev${Math.random().toString(16).slice(2)}`;
  const chunks = parts.flatMap((p) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n\r\n`),
    Buffer.from(p.data),
    Buffer.from('\r\n'),
  ]);
  return { body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(caller: Caller, filename: string, data: Buffer | string, fields: Record<string, string> = {}) {
  const form = multipart([...Object.entries(fields).map(([field, v]) => ({ field, data: v })), { field: 'file', filename, data }]);
  return caller.request('POST', '/api/v1/events', form.body, form.headers);
}

/** A sum of children over the affected schools with an enrolment, and how many have one and how many do not. */
interface Figure {
  total: number | null;
  schoolsWithFigure: number;
  schoolsWithoutFigure: number;
}
interface EventBody {
  id: string;
  version: number;
  kind: string;
  status: string;
  imt: string;
  title: string;
  limitStates: string[];
  totals: { schools: number; children: Figure; girls: Figure; boys: Figure; expectedByDamageState: number[] };
  warnings: { code: string }[];
}
interface ImpactBody {
  totals: EventBody['totals'];
  areas: { areaId: string | null; name: string | null; schools: number; children: Figure }[];
  schools: { items: { schoolId: string; code: string; intensity: number; band: number; damage: Record<string, number> }[]; nextCursor: string | null };
}

async function counts(): Promise<{ events: number; files: number }> {
  const [row] = await t.database.rows<{ events: number; files: number }>(
    sql`SELECT (SELECT count(*) FROM hazard_events)::int AS events, (SELECT count(*) FROM files)::int AS files`,
  );
  return row!;
}

/** MMI of the grid point nearest to (lon, lat), read straight from the grid text: an independent check on the engine. */
async function nearestGridMmi(lon: number, lat: number): Promise<number> {
  const text = await readFile(shared('shakemap/m5.8.nyc.scenario.grid.xml'), 'utf8');
  const data = text.slice(text.indexOf('<grid_data>') + 11, text.indexOf('</grid_data>'));
  let best = { d: Infinity, mmi: Number.NaN };
  for (const line of data.split('\n')) {
    const v = line.trim().split(/\s+/).map(Number);
    if (v.length < 5) continue;
    const d = (v[0]! - lon) ** 2 + (v[1]! - lat) ** 2;
    if (d < best.d) best = { d, mmi: v[4]! };
  }
  return best.mmi;
}

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const odisha = await buildArea(t.database, { name: 'Odisha', level: 'state', parent: india });
  const puri = await buildArea(t.database, { name: 'Puri', level: 'district', parent: odisha, codes: { lgd: '362' } });
  const khordha = await buildArea(t.database, { name: 'Khordha', level: 'district', parent: odisha, codes: { lgd: '353' } });
  await t.database.execScript(
    `UPDATE areas SET geom = ST_Multi(ST_MakeEnvelope(85.5, 19.6, 86.2, 20.1, 4326)) WHERE id = '${puri.id}';
     UPDATE areas SET geom = ST_Multi(ST_MakeEnvelope(85.2, 20.1, 86.0, 20.4, 4326)) WHERE id = '${khordha.id}';`,
  );
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  const usa = await buildArea(t.database, { name: 'United States', level: 'country' });
  const ny = await buildArea(t.database, { name: 'New York', level: 'state', parent: usa });
  const kings = await buildArea(t.database, { name: 'Kings', level: 'district', parent: ny });
  const alpine = await buildArea(t.database, { name: 'Alpine', level: 'district', parent: usa });
  // Fani made landfall near Puri on 3 May 2019.
  ids.puriSchool = (await buildSchool(t.database, { area: puri, code: '21180100101', name: 'Puri Govt High School', lon: 85.83, lat: 19.81, girls: 200, boys: 180, typology: 'kutcha' })).id;
  ids.khordhaSchool = (await buildSchool(t.database, { area: khordha, code: '21170100101', name: 'Khordha UP School', lon: 85.61, lat: 20.18, girls: 120, boys: 100, typology: 'RCC' })).id;
  ids.gangtokSchool = (await buildSchool(t.database, { area: gangtok, code: '11040100101', name: 'Tashi Namgyal Academy', lon: 88.61, lat: 27.33, girls: 300, boys: 280 })).id;
  ids.brooklyn = (await buildSchool(t.database, { area: kings, code: 'NY-K-001', name: 'Brooklyn PS 1', lon: -73.99, lat: 40.65, girls: 400, boys: 390, typology: 'URM' })).id;
  ids.binghamton = (await buildSchool(t.database, { area: ny, code: 'NY-B-001', name: 'Binghamton School', lon: -75.91, lat: 42.05, girls: 10, boys: 10 })).id;
  ids.boston = (await buildSchool(t.database, { area: usa, code: 'MA-001', name: 'Boston School', lon: -71.06, lat: 42.36, girls: 10, boys: 10 })).id;
  // Inside the polygon of OASIS CAP 1.2 example 2 (a thunderstorm over Alpine County, California).
  ids.alpineSchool = (await buildSchool(t.database, { area: alpine, code: 'CA-A-001', name: 'Alpine County School', lon: -119.9, lat: 38.47, girls: 30, boys: 25 })).id;
  ids.alpineOutside = (await buildSchool(t.database, { area: alpine, code: 'CA-A-002', name: 'Markleeville Annex', lon: -119.5, lat: 38.7, girls: 5, boys: 5 })).id;
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  puriOfficer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [puri.id] })).email, TEST_PASSWORD);
  viewer = await t.signIn((await buildUser(t.database, { role: 'viewer', areaIds: [india.id] })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('an event from a ShakeMap grid', () => {
  it('finds the schools shaken at MMI V and above, with damage probabilities, and is one event however often it arrives', async () => {
    const bytes = await readFile(shared('shakemap/m5.8.nyc.scenario.grid.xml'));
    const r = await upload(admin, 'grid.xml', bytes);
    expect(r.statusCode).toBe(201);
    const event = r.json<EventBody>();
    expect(event).toMatchObject({ kind: 'shakemap', status: 'scenario', imt: 'MMI', limitStates: ['slight', 'moderate', 'extensive', 'complete'] });
    const impact = (await admin.get(`/api/v1/events/${event.id}/impact`)).json<ImpactBody>();
    const codes = impact.schools.items.map((s) => s.code);
    expect(codes).toContain('NY-K-001');
    expect(codes).not.toContain('NY-B-001'); // inside the grid, below MMI V
    expect(codes).not.toContain('MA-001'); // outside the grid
    const brooklyn = impact.schools.items.find((s) => s.code === 'NY-K-001')!;
    expect(Math.abs(brooklyn.intensity - (await nearestGridMmi(-73.99, 40.65)))).toBeLessThan(0.3);
    expect(brooklyn.damage.slight).toBeGreaterThanOrEqual(brooklyn.damage.complete!);
    expect(event.totals.schools).toBe(impact.schools.items.length);
    expect(event.totals.children).toEqual({ total: 790, schoolsWithFigure: 1, schoolsWithoutFigure: 0 });
    // Expected schools over all damage states add up to the affected schools.
    expect(event.totals.expectedByDamageState.reduce((a, b) => a + b, 0)).toBeCloseTo(event.totals.schools, 1);
    expect(impact.areas.find((a) => a.name === 'Kings')).toMatchObject({ schools: 1, children: { total: 790 } });

    const before = await counts();
    const again = await upload(admin, 'grid-again.xml', bytes);
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-event-outcome']).toBe('duplicate');
    expect(again.json<EventBody>().id).toBe(event.id);
    expect(await counts()).toEqual(before);
  });

  it('opens a zipped grid (this one is cut short, and is refused for it)', async () => {
    const r = await upload(admin, 'ghorka.zip', await readFile(shared('shakemap/ghorka_grid.zip')));
    expect(r.json()).toMatchObject({ code: 'HAZARD_FILE_INVALID', errors: [{ code: 'SHAKEMAP_GRID_INVALID' }] });
    expect(r.json<{ detail: string }>().detail).toContain('truncated');
  });

  it('exports the affected schools as CSV, HXL and GeoJSON', async () => {
    const list = (await admin.get('/api/v1/events?kind=shakemap')).json<{ items: EventBody[] }>();
    const nyc = list.items.find((e) => e.title.includes('Manhattan'))!;
    const csv = await admin.get(`/api/v1/events/${nyc.id}/schools?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('school_code,school_name');
    expect(csv.body).toContain('NY-K-001');
    const hxl = await admin.get(`/api/v1/events/${nyc.id}/schools?format=hxl`);
    expect(hxl.body.split('\r\n')[1]).toContain('#loc+code,#loc+name');
    const geo = (await admin.get(`/api/v1/events/${nyc.id}/schools?format=geojson`)).json<{ features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] }>();
    expect(geo.features.map((f) => f.properties.school_code)).toContain('NY-K-001');
    expect(geo.features[0]!.geometry.coordinates).toEqual([-73.99, 40.65]);
  });
});

describe('an event from a cyclone track', () => {
  it('gives the peak wind at each school along Fani and counts children by district, within scope', async () => {
    const r = await upload(admin, 'fani.geojson', await readFile(shared('cyclone/DERIVED_fani_2019_imd_track.geojson')));
    expect(r.statusCode).toBe(201);
    const event = r.json<EventBody>();
    expect(event).toMatchObject({ kind: 'cyclone', imt: 'WIND', title: 'Cyclone FANI' });
    const impact = (await admin.get(`/api/v1/events/${event.id}/impact`)).json<ImpactBody>();
    const codes = impact.schools.items.map((s) => s.code);
    expect(codes).toContain('21180100101');
    expect(codes).not.toContain('11040100101');
    const puri = impact.schools.items.find((s) => s.code === '21180100101')!;
    // Fani crossed Puri as an extremely severe cyclonic storm (IMD: 115 kt at landfall): at least 64 kt (32.9 m/s) there.
    expect(puri.intensity).toBeGreaterThan(32.9);
    expect(puri.damage).toEqual({}); // no wind fragility: exposure only

    const mine = (await puriOfficer.get(`/api/v1/events/${event.id}/impact`)).json<ImpactBody>();
    expect(mine.schools.items.map((s) => s.code)).toEqual(['21180100101']);
    expect(mine.areas.map((a) => a.name)).toEqual(['Puri']);
    expect(mine.totals).toMatchObject({ schools: 1, children: { total: 380 }, girls: { total: 200 }, boys: { total: 180 } });
    const listed = (await puriOfficer.get('/api/v1/events')).json<{ items: EventBody[] }>().items.find((e) => e.id === event.id)!;
    expect(listed.totals.schools).toBe(1);
  });

  it('pages affected schools strongest first', async () => {
    const event = (await admin.get('/api/v1/events?kind=cyclone')).json<{ items: EventBody[] }>().items[0]!;
    const first = (await admin.get(`/api/v1/events/${event.id}/impact?limit=1`)).json<ImpactBody>();
    expect(first.schools.items).toHaveLength(1);
    expect(first.schools.nextCursor).not.toBeNull();
    const second = (await admin.get(`/api/v1/events/${event.id}/impact?limit=1&cursor=${first.schools.nextCursor}`)).json<ImpactBody>();
    expect(second.schools.items[0]!.schoolId).not.toBe(first.schools.items[0]!.schoolId);
    expect(second.schools.items[0]!.intensity).toBeLessThanOrEqual(first.schools.items[0]!.intensity);
  });
});

describe('an event from a CAP alert', () => {
  const example2 = () => readFile(shared('cap/oasis/oasis_cap12_example2.xml'), 'utf8');

  it('takes the schools inside the alert polygon; an Update changes the same event; a Cancel marks it', async () => {
    const r = await upload(admin, 'alert.xml', await example2());
    expect(r.statusCode).toBe(201);
    const event = r.json<EventBody>();
    expect(event).toMatchObject({ kind: 'cap', status: 'actual', imt: 'INSIDE', totals: { schools: 1, children: { total: 55 } } });
    const update = (await example2())
      .replace('<identifier>KSTO1055887203</identifier>', '<identifier>KSTO1055887299</identifier>')
      .replace('<msgType>Alert</msgType>', '<msgType>Update</msgType><references>KSTO@NWS.NOAA.GOV,KSTO1055887203,2003-06-17T14:57:00-07:00</references>')
      .replace('SEVERE THUNDERSTORM WARNING', 'SEVERE THUNDERSTORM WARNING EXTENDED');
    const updated = await upload(admin, 'update.xml', update);
    expect(updated.statusCode).toBe(200);
    expect(updated.json<EventBody>()).toMatchObject({ id: event.id, version: 2, title: 'SEVERE THUNDERSTORM WARNING EXTENDED' });
    const cancel = update
      .replace('<identifier>KSTO1055887299</identifier>', '<identifier>KSTO1055887300</identifier>')
      .replace('<msgType>Update</msgType>', '<msgType>Cancel</msgType>')
      .replace('KSTO1055887203,2003', 'KSTO1055887299,2003');
    const cancelled = await upload(admin, 'cancel.xml', cancel);
    expect(cancelled.json<EventBody>()).toMatchObject({ id: event.id, status: 'cancelled' });
    const capEvents = (await admin.get('/api/v1/events?kind=cap')).json<{ items: EventBody[] }>().items;
    expect(capEvents.filter((e) => e.title.startsWith('SEVERE THUNDERSTORM'))).toHaveLength(1);
  });

  it('resolves areas given only as geocodes through the registry codes, and says which it could not find', async () => {
    const alert = `<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>IMD-2026-001</identifier><sender>imd.gov.in</sender><sent>2026-05-01T06:00:00+05:30</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
      <info><language>en-IN</language><category>Met</category><event>Cyclone</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Likely</certainty><headline>Cyclone warning for Puri</headline>
      <area><areaDesc>Puri and Nowhere</areaDesc><geocode><valueName>LGD</valueName><value>362</value></geocode><geocode><valueName>LGD</valueName><value>999999</value></geocode></area></info></alert>`;
    const r = await upload(admin, 'imd.xml', alert);
    expect(r.statusCode).toBe(201);
    const event = r.json<EventBody>();
    expect(event.totals).toMatchObject({ schools: 1, children: { total: 380 } });
    expect(event.warnings.map((w) => w.code)).toContain('CAP_GEOCODE_UNRESOLVED');
  });

  it('takes a circle as schools within its radius', async () => {
    const alert = `<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>circle-1</identifier><sender>test</sender><sent>2026-05-01T06:00:00+05:30</sent><status>Exercise</status><msgType>Alert</msgType><scope>Public</scope>
      <info><category>Geo</category><event>Landslide</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
      <area><areaDesc>Around Gangtok</areaDesc><circle>27.33,88.6 5</circle></area></info></alert>`;
    const event = (await upload(admin, 'circle.xml', alert)).json<EventBody>();
    expect(event).toMatchObject({ status: 'exercise', totals: { schools: 1, children: { total: 580 } } });
  });
});

describe('a scenario', () => {
  it('computes MMI from the intensity prediction equation, and a retried request with the same key is one event', async () => {
    const body = { kind: 'scenario', lon: 85.8, lat: 19.9, depthKm: 10, magnitude: 7.5, title: 'What if M7.5 near Puri' };
    const first = await admin.request('POST', '/api/v1/events', body, { 'idempotency-key': 'scenario-puri-0001' });
    expect(first.statusCode).toBe(201);
    const again = await admin.request('POST', '/api/v1/events', body, { 'idempotency-key': 'scenario-puri-0001' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<EventBody>().id).toBe(first.json<EventBody>().id);
    const impact = (await admin.get(`/api/v1/events/${first.json<EventBody>().id}/impact`)).json<ImpactBody>();
    const [nearest, farther] = ['21180100101', '21170100101'].map((c) => impact.schools.items.find((s) => s.code === c)!);
    expect(nearest!.intensity).toBeGreaterThan(farther!.intensity);
    // Kutcha (adobe, unreinforced) is more fragile than RCC at lower shaking.
    expect(nearest!.damage.complete).toBeGreaterThan(farther!.damage.complete!);
  });

  it('sees schools added since the engine was built', async () => {
    const odisha = (await t.database.rows<{ id: string; path: string[] }>(sql`SELECT id, path FROM areas WHERE name = 'Khordha'`))[0]!;
    await buildSchool(t.database, { area: odisha, code: '21170199999', name: 'New School', lon: 85.8, lat: 20.3, girls: 1, boys: 1 });
    const r = await admin.request('POST', '/api/v1/events', { kind: 'scenario', lon: 85.8, lat: 20.3, depthKm: 10, magnitude: 6 });
    const impact = (await admin.get(`/api/v1/events/${r.json<EventBody>().id}/impact`)).json<ImpactBody>();
    expect(impact.schools.items.map((s) => s.code)).toContain('21170199999');
  });

  it('is refused with a clear error when out of range, and to those who may only read', async () => {
    const bad = await admin.request('POST', '/api/v1/events', { kind: 'scenario', lon: 200, lat: 19.9, depthKm: 10, magnitude: 7.5 });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const refused = await viewer.request('POST', '/api/v1/events', { kind: 'scenario', lon: 85.8, lat: 19.9, depthKm: 10, magnitude: 7.5 });
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('an event from a GeoJSON footprint', () => {
  it('closes a ring left open, says so, and takes the schools inside', async () => {
    const flood = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { depth_m: 1.5 }, geometry: { type: 'Polygon', coordinates: [[[85.7, 19.7], [86.0, 19.7], [86.0, 19.9], [85.7, 19.9]]] } }] };
    const r = await upload(admin, 'puri-flood.geojson', JSON.stringify(flood), { intensityProperty: 'depth_m' });
    expect(r.statusCode).toBe(201);
    const event = r.json<EventBody>();
    expect(event).toMatchObject({ kind: 'footprint', imt: 'DEPTH_M', title: 'puri-flood', totals: { schools: 1, children: { total: 380 } } });
    expect(event.warnings.map((w) => w.code)).toContain('POLYGON_CLOSED');
    const impact = (await admin.get(`/api/v1/events/${event.id}/impact`)).json<ImpactBody>();
    expect(impact.schools.items[0]).toMatchObject({ code: '21180100101', intensity: 1.5 });
  });
});

describe('bad hazard files', () => {
  const cases: [string, string, () => Promise<Buffer | string>, string, string | undefined][] = [
    ['a grid in the wrong namespace', 'invalid_grid.xml', () => readFile(shared('shakemap/invalid_grid.xml')), 'HAZARD_FILE_INVALID', 'SHAKEMAP_GRID_INVALID'],
    ['a CAP alert without info', 'alert.cap', async () => (await readFile(shared('cap/agencies/no_info_tag.cap'), 'utf8')).replace('<msgType>Cancel</msgType>', '<msgType>Alert</msgType>'), 'HAZARD_FILE_INVALID', 'CAP_NO_INFO'],
    ['a Cancel for an alert never received', 'cancel.cap', () => readFile(shared('cap/agencies/no_info_tag.cap')), 'EVENT_REFERENCE_UNKNOWN', undefined],
    ['an entity expansion bomb', 'bomb.xml', async () => `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">&lol2;</alert>`, 'HAZARD_FILE_INVALID', 'XML_UNSAFE'],
    ['a feed', 'feed.xml', () => readFile(shared('cap/agencies/sweden.atom')), 'HAZARD_FILE_UNSUPPORTED', undefined],
    ['a track with one point', 'track.csv', async () => 'CS_ID,NAME,DATETIME,LAT,LON,MSWS\n201902,FANI,2019-05-03 00:00:00,19.8,85.8,115\n', 'HAZARD_FILE_INVALID', 'TRACK_TOO_SHORT'],
    ['a footprint with a position that is not lon/lat', 'flood.geojson', async () => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[85, 19], [286, 19], [86, 20], [85, 19]]] } }] }), 'HAZARD_FILE_INVALID', 'GEOJSON_INVALID'],
    ['an empty file', 'empty.xml', async () => '', 'HAZARD_FILE_INVALID', undefined],
    ['a spreadsheet', 'x.pdf', async () => '%PDF-1.4 not a hazard', 'HAZARD_FILE_UNSUPPORTED', undefined],
  ];
  for (const [what, name, data, code, cause] of cases) {
    it(`refuses ${what} and keeps nothing`, async () => {
      const before = await counts();
      const r = await upload(admin, name, await data());
      expect(r.headers['content-type']).toContain('application/problem+json');
      const problem = r.json<{ code: string; errors?: { code?: string }[] }>();
      expect(problem.code).toBe(code);
      if (cause) expect(problem.errors?.[0]?.code).toBe(cause);
      expect(await counts()).toEqual(before);
    });
  }
});
