import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

interface EventBody {
  id: string;
  details: Record<string, unknown> & { engine?: { schools?: number; computeMs?: number } | null };
  totals: { schools: number };
  warnings: { code: string; message: string }[];
}

let t: TestApp;
let admin: Caller;
let officer: Caller;
let eventId: string;

// Seven schools in two districts, none with a building type: the engine's typology warning counts all seven.
beforeAll(async () => {
  t = await createTestApp();
  const country = await buildArea(t.database, { name: 'India', level: 'country' });
  const state = await buildArea(t.database, { name: 'Odisha', level: 'state', parent: country });
  const puri = await buildArea(t.database, { name: 'Puri', level: 'district', parent: state });
  const khordha = await buildArea(t.database, { name: 'Khordha', level: 'district', parent: state });
  for (let i = 0; i < 3; i++)
    await buildSchool(t.database, { area: puri, lon: 85.8 + i * 0.01, lat: 19.85, girls: 10, boys: 10 });
  for (let i = 0; i < 4; i++)
    await buildSchool(t.database, { area: khordha, lon: 85.8 + i * 0.01, lat: 20.0, girls: 10, boys: 10 });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [puri.id] })).email, TEST_PASSWORD);
  const created = await admin.request('POST', '/api/v1/events', {
    kind: 'scenario',
    lon: 85.82,
    lat: 19.92,
    depthKm: 10,
    magnitude: 7,
  });
  expect(created.statusCode).toBe(201);
  eventId = created.json<EventBody>().id;
});
afterAll(() => t.close());

describe('an event seen by a district officer', () => {
  it('shows the administrator the national engine count and the counts in registry-wide warnings', async () => {
    const event = (await admin.get(`/api/v1/events/${eventId}`)).json<EventBody>();
    expect(event.totals.schools).toBe(7);
    expect(event.details.engine).toMatchObject({ schools: 7 });
    expect(event.warnings.find((w) => w.code === 'TYPOLOGY_UNMAPPED')?.message).toContain('(7 schools)');
  });

  it('tells the officer nothing counted beyond their district, on the event, the list and the impact', async () => {
    const one = (await officer.get(`/api/v1/events/${eventId}`)).json<EventBody>();
    const listed = (await officer.get('/api/v1/events')).json<{ items: EventBody[] }>().items.find((e) => e.id === eventId)!;
    const impact = (await officer.get(`/api/v1/events/${eventId}/impact`)).json<{ event: EventBody }>().event;
    for (const event of [one, listed, impact]) {
      expect(event.totals.schools).toBe(3);
      expect(event.details.engine?.schools).toBeUndefined();
      expect(event.details).toMatchObject({ magnitude: 7 }); // what the hazard itself says stays
      const typology = event.warnings.find((w) => w.code === 'TYPOLOGY_UNMAPPED');
      expect(typology).toBeDefined(); // still explained, by code
      for (const warning of event.warnings) expect(warning.message).not.toMatch(/\d+ schools/);
      expect(JSON.stringify(event)).not.toMatch(/\b7 schools|"schools":7\b/);
    }
  });
});
