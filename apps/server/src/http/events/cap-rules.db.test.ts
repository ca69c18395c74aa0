import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

// CAP 1.2 rules broken in an uploaded alert: refused whole with 422, nothing kept (table in geo's cap-rules.ts).
const shared = (p: string) => new URL(`../../../../../../shared/data/${p}`, import.meta.url);

let t: TestApp;
let admin: Caller;
let example2: string;

interface EventBody {
  id: string;
  version: number;
  status: string;
  title: string;
}
interface ProblemBody {
  status: number;
  code: string;
  errors?: { code?: string }[];
}

async function upload(name: string, xml: string) {
  const boundary = 'caprulesboundary';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/cap+xml\r\n\r\n${xml}\r\n--${boundary}--\r\n`;
  return admin.request('POST', '/api/v1/events', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

async function counts(): Promise<{ events: number; files: number }> {
  const [row] = await t.database.rows<{ events: number; files: number }>(
    sql`SELECT (SELECT count(*) FROM hazard_events)::int AS events, (SELECT count(*) FROM files)::int AS files`,
  );
  return row!;
}

/** OASIS example 2 as a later message: another identifier, another msgType, and references as given. */
function followUp(identifier: string, msgType: 'Update' | 'Cancel', references: string): string {
  return example2
    .replace('<identifier>KSTO1055887203</identifier>', `<identifier>${identifier}</identifier>`)
    .replace('<msgType>Alert</msgType>', `<msgType>${msgType}</msgType>${references}`)
    .replace('<headline>SEVERE THUNDERSTORM WARNING</headline>', '<headline>SEVERE THUNDERSTORM WARNING EXTENDED</headline>');
}

beforeAll(async () => {
  t = await createTestApp();
  const usa = await buildArea(t.database, { name: 'United States', level: 'country' });
  const alpine = await buildArea(t.database, { name: 'Alpine', level: 'district', parent: usa });
  // Inside the polygon of OASIS CAP 1.2 example 2 (a thunderstorm over Alpine County, California).
  await buildSchool(t.database, {
    area: alpine,
    code: 'CA-A-001',
    name: 'Alpine County School',
    lon: -119.9,
    lat: 38.47,
    girls: 30,
    boys: 25,
  });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  example2 = await readFile(shared('cap/oasis/oasis_cap12_example2.xml'), 'utf8');
});
afterAll(() => t.close());

describe('a CAP Update or Cancel must name the alert it changes', () => {
  it('refuses one with empty or missing references (422, CAP_REFERENCES_MISSING, nothing kept); a correct Update still updates', async () => {
    const created = await upload('alert.xml', example2);
    expect(created.statusCode).toBe(201);
    const event = created.json<EventBody>();
    expect(event).toMatchObject({ version: 1, status: 'actual', title: 'SEVERE THUNDERSTORM WARNING' });

    const before = await counts();
    for (const [name, xml] of [
      ['update-empty.xml', followUp('KSTO1055887299', 'Update', '<references></references>')],
      ['update-none.xml', followUp('KSTO1055887299', 'Update', '')],
      ['cancel-empty.xml', followUp('KSTO1055887300', 'Cancel', '<references> </references>')],
    ] as const) {
      const refused = await upload(name, xml);
      expect(refused.statusCode, name).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json<ProblemBody>()).toMatchObject({
        status: 422,
        code: 'HAZARD_FILE_INVALID',
        errors: [{ code: 'CAP_REFERENCES_MISSING' }],
      });
    }
    expect(await counts()).toEqual(before);
    const untouched = (await admin.get(`/api/v1/events/${event.id}`)).json<EventBody>();
    expect(untouched).toMatchObject({ version: 1, status: 'actual', title: 'SEVERE THUNDERSTORM WARNING' });

    const references = '<references>KSTO@NWS.NOAA.GOV,KSTO1055887203,2003-06-17T14:57:00-07:00</references>';
    const updated = await upload('update.xml', followUp('KSTO1055887299', 'Update', references));
    expect(updated.statusCode).toBe(200);
    expect(updated.json<EventBody>()).toMatchObject({ id: event.id, version: 2, title: 'SEVERE THUNDERSTORM WARNING EXTENDED' });
    expect((await counts()).events).toBe(before.events);
  });
});

describe('an Ack or an Error is an answer to other messages, not an alert', () => {
  it('refuses both (422, CAP_NOT_AN_ALERT) and leaves the alert they reference as it was', async () => {
    const created = await upload('ack-target.xml', example2.replace('KSTO1055887203', 'KSTO1055887500'));
    expect(created.statusCode).toBe(201);
    const event = created.json<EventBody>();
    const before = await counts();
    const references = '<references>KSTO@NWS.NOAA.GOV,KSTO1055887500,2003-06-17T14:57:00-07:00</references>';
    for (const msgType of ['Ack', 'Error']) {
      const answer = example2
        .replace('<identifier>KSTO1055887203</identifier>', `<identifier>KSTO10558875${msgType.length}1</identifier>`)
        .replace('<msgType>Alert</msgType>', `<msgType>${msgType}</msgType>${references}`)
        .replace('<headline>SEVERE THUNDERSTORM WARNING</headline>', '<headline>ACKNOWLEDGED</headline>');
      const refused = await upload(`${msgType}.xml`, answer);
      expect(refused.statusCode, msgType).toBe(422);
      expect(refused.json<ProblemBody>()).toMatchObject({ code: 'HAZARD_FILE_INVALID', errors: [{ code: 'CAP_NOT_AN_ALERT' }] });
    }
    expect(await counts()).toEqual(before);
    expect((await admin.get(`/api/v1/events/${event.id}`)).json<EventBody>()).toMatchObject({
      version: 1,
      title: 'SEVERE THUNDERSTORM WARNING',
    });
  });
});

describe('other CAP rules whose breach makes an alert unsafe to act on', () => {
  const ring = '38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14';
  const cases: [string, string, string, string][] = [
    ['an unclosed polygon', ring, ring.replace(/ 38\.47,-120\.14$/, ''), 'POLYGON_NOT_CLOSED'],
    ['an unknown msgType', '<msgType>Alert</msgType>', '<msgType>Notice</msgType>', 'CAP_VALUE_UNKNOWN'],
    [
      'a sent time without offset',
      '<sent>2003-06-17T14:57:00-07:00</sent>',
      '<sent>2003-06-17T14:57:00</sent>',
      'CAP_DATETIME_INVALID',
    ],
    [
      'a reference that is not a triple',
      '<msgType>Alert</msgType>',
      '<msgType>Update</msgType><references>KSTO1055887203</references>',
      'CAP_REFERENCE_INVALID',
    ],
    [
      'an identifier with a comma',
      '<identifier>KSTO1055887203</identifier>',
      '<identifier>KSTO,1055887203</identifier>',
      'CAP_IDENTIFIER_INVALID',
    ],
  ];
  it.each(cases)('refuses %s with 422 and keeps nothing', async (_what, from, to, code) => {
    const before = await counts();
    const mutated = example2.replace(from, to);
    expect(mutated).not.toBe(example2);
    // A new identifier, so that the message, were it accepted, could not pass as the first test's alert again.
    const r = await upload(
      'bad.xml',
      mutated.replace('<identifier>KSTO1055887203</identifier>', '<identifier>KSTO1055887400</identifier>'),
    );
    expect(r.statusCode).toBe(422);
    expect(r.json<ProblemBody>()).toMatchObject({ code: 'HAZARD_FILE_INVALID', errors: [{ code }] });
    expect(await counts()).toEqual(before);
  });
});
