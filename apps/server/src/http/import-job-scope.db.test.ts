import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Role } from '@safeschools/domain';
import { createTestApp, type Caller, type TestApp } from '../testing/test-app.js';
import { buildUser, TEST_PASSWORD } from '../testing/factories.js';
import { insertBoxArea } from '../testing/box-area.js';
import { runImport } from '../domain/imports/run-import.js';

/**
 * Writes made through jobs keep to the scope of the person who asked for them, as routes do: every import kind, for
 * every role, started through the API and run by the job's own handler (`runImport`), with the rights the person has
 * when the job runs. scope.db.test.ts probes every route; this file probes what those routes set going.
 */
let t: TestApp;
const ids = { india: uuidv7(), sikkim: uuidv7(), east: uuidv7(), south: uuidv7(), kerala: uuidv7() };
const callers = {} as Record<Role, Caller>;
const userIds = {} as Record<Role, string>;

const header = 'schcd,schname,latitude,longitude\n';
const inEast = '27.34,88.61';
const inSouth = '27.1,88.3';
const inKerala = '10.0,76.3';
const boundary = 'importjobscope';
const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };

function importForm(kind: string, name: string, content: string, extra: Record<string, string> = {}): string {
  const fields = Object.entries({ kind, ...extra })
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  return `${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
}

/** Starts an import through the API; runs its job as the queue would; answers the import as its author sees it. */
async function importAs(caller: Caller, kind: string, name: string, content: string) {
  const started = await caller.request('POST', '/api/v1/imports', importForm(kind, name, content), headers);
  if (started.statusCode !== 202)
    return {
      statusCode: started.statusCode,
      status: null,
      problems: [] as string[],
      code: started.json<{ code: string }>().code,
    };
  const { id } = started.json<{ id: string }>();
  await runImport({ database: t.database, storage: t.services.storage }, id, {
    progress: async () => {},
    signal: new AbortController().signal,
  });
  const body = (await caller.get(`/api/v1/imports/${id}`)).json<{
    status: string;
    errors: { row: number; code: string }[];
    error: { code: string } | null;
  }>();
  return {
    statusCode: 202,
    status: body.status,
    problems: body.errors.map((e) => `${e.row}:${e.code}`),
    code: body.error?.code ?? null,
  };
}

const schoolName = async (code: string) =>
  (await t.database.rows<{ name: string }>(sql`SELECT name FROM schools WHERE code = ${code}`))[0]?.name;

beforeAll(async () => {
  t = await createTestApp();
  const area = (id: string, level: string, name: string, path: string[], box: number[] | null) =>
    insertBoxArea(t.database, { id, level, name, path, codes: {}, box });
  await area(ids.india, 'country', 'India', [ids.india], null);
  await area(ids.sikkim, 'state', 'Sikkim', [ids.india, ids.sikkim], [88, 27, 89, 28.2]);
  await area(ids.east, 'district', 'East Sikkim', [ids.india, ids.sikkim, ids.east], [88.5, 27.2, 88.9, 27.6]);
  await area(ids.south, 'district', 'South Sikkim', [ids.india, ids.sikkim, ids.south], [88.2, 27.0, 88.5, 27.2]);
  await area(ids.kerala, 'state', 'Kerala', [ids.india, ids.kerala], [74.8, 8.2, 77.5, 12.8]);
  const scopes: Record<Role, string[]> = {
    administrator: [],
    programme_manager: [ids.sikkim],
    district_officer: [ids.east],
    school_focal_point: [ids.east],
    viewer: [ids.east],
  };
  for (const role of Object.keys(scopes) as Role[]) {
    const user = await buildUser(t.database, { role, areaIds: scopes[role] });
    userIds[role] = user.id;
    callers[role] = await t.signIn(user.email, TEST_PASSWORD);
  }
  const seeded = await importAs(
    callers.administrator,
    'schools',
    's.csv',
    `${header}11000000001,East School,${inEast}\n11000000002,South School,${inSouth}\n32000000001,Kerala School,${inKerala}\n`,
  );
  expect(seeded.status).toBe('completed');
});
afterAll(() => t.close());

describe('school imports through the job, for every role', () => {
  it('a district officer changes, creates and moves schools of their district only', async () => {
    expect(
      await importAs(callers.district_officer, 'schools', 'a.csv', `${header}11000000002,Renamed From East,${inSouth}\n`),
    ).toMatchObject({
      status: 'rejected',
      problems: ['1:OUTSIDE_SCOPE'],
    });
    expect(
      await importAs(callers.district_officer, 'schools', 'b.csv', `${header}11000000101,Created In South,${inSouth}\n`),
    ).toMatchObject({
      status: 'rejected',
      problems: ['1:OUTSIDE_SCOPE'],
    });
    expect(
      await importAs(callers.district_officer, 'schools', 'c.csv', `${header}11000000001,East School,${inSouth}\n`),
    ).toMatchObject({
      status: 'rejected',
      problems: ['1:OUTSIDE_SCOPE'],
    });
    expect(await schoolName('11000000002')).toBe('South School');
    expect(await schoolName('11000000101')).toBeUndefined();
    expect(
      await importAs(callers.district_officer, 'schools', 'd.csv', `${header}11000000001,East School Renamed,${inEast}\n`),
    ).toMatchObject({
      status: 'completed',
      problems: [],
    });
    expect(await schoolName('11000000001')).toBe('East School Renamed');
  });

  it("a programme manager of a state works in the state's districts but not in another state", async () => {
    expect(
      await importAs(callers.programme_manager, 'schools', 'e.csv', `${header}11000000002,South Renamed,${inSouth}\n`),
    ).toMatchObject({ status: 'completed' });
    expect(
      await importAs(callers.programme_manager, 'schools', 'f.csv', `${header}32000000001,Kerala Renamed,${inKerala}\n`),
    ).toMatchObject({
      status: 'rejected',
      problems: ['1:OUTSIDE_SCOPE'],
    });
    expect(await schoolName('32000000001')).toBe('Kerala School');
  });

  it('field roles and viewers cannot start a school import at all', async () => {
    for (const role of ['school_focal_point', 'viewer'] as const) {
      expect(await importAs(callers[role], 'schools', 'g.csv', `${header}11000000001,Hijacked,${inEast}\n`)).toMatchObject({
        statusCode: 403,
      });
    }
    expect(await schoolName('11000000001')).toBe('East School Renamed');
  });
});

describe('boundary and crosswalk imports through the job, for every role', () => {
  const empty = '{"type":"FeatureCollection","features":[]}';
  it('only someone who sees everything may start them', async () => {
    for (const role of ['programme_manager', 'district_officer', 'school_focal_point', 'viewer'] as const) {
      expect((await importAs(callers[role], 'boundaries', 'b.geojson', empty)).statusCode).toBe(403);
      expect((await importAs(callers[role], 'crosswalk', 'c.csv', 'a,b\n1,2\n')).statusCode).toBe(403);
    }
    expect((await importAs(callers.administrator, 'boundaries', 'b.geojson', empty)).statusCode).toBe(202);
  });
});

describe('rights are those of the moment the job runs', () => {
  const start = async (caller: Caller, kind: string, content: string) =>
    (await caller.request('POST', '/api/v1/imports', importForm(kind, 'x.csv', content), headers)).json<{ id: string }>().id;
  const run = async (id: string) => {
    await runImport({ database: t.database, storage: t.services.storage }, id, {
      progress: async () => {},
      signal: new AbortController().signal,
    });
    return t.database
      .rows<{ status: string; error: { code: string } | null }>(sql`SELECT status, error FROM imports WHERE id = ${id}`)
      .then((r) => r[0]!);
  };

  it('an officer moved to another district before the job runs writes nothing in the old one', async () => {
    const officer = await buildUser(t.database, { role: 'district_officer', areaIds: [ids.east] });
    const caller = await t.signIn(officer.email, TEST_PASSWORD);
    const id = await start(caller, 'schools', `${header}11000000001,Renamed After The Move,${inEast}\n`);
    await t.database.rows(sql`UPDATE users SET scope_area_ids = ${`{${ids.south}}`}::uuid[] WHERE id = ${officer.id}`);
    expect(await run(id)).toMatchObject({ status: 'rejected' });
    expect(await schoolName('11000000001')).toBe('East School Renamed');
  });

  it('a disabled officer, or one made a viewer, writes nothing', async () => {
    for (const change of [sql`status = 'disabled'`, sql`role = 'viewer'`]) {
      const officer = await buildUser(t.database, { role: 'district_officer', areaIds: [ids.east] });
      const caller = await t.signIn(officer.email, TEST_PASSWORD);
      const id = await start(caller, 'schools', `${header}11000000001,Renamed By The Disabled,${inEast}\n`);
      await t.database.rows(sql`UPDATE users SET ${change} WHERE id = ${officer.id}`);
      const after = await t.database.rows<{ status: string; error: { code: string } | null }>(
        sql`SELECT status, error FROM imports WHERE id = ${id}`,
      );
      expect(after[0]!.status).toBe('queued');
      await runImport({ database: t.database, storage: t.services.storage }, id, {
        progress: async () => {},
        signal: new AbortController().signal,
      });
      const [row] = await t.database.rows<{ status: string; error: { code: string } | null }>(
        sql`SELECT status, error FROM imports WHERE id = ${id}`,
      );
      expect(row!.status).toBe('rejected');
      expect(['AUTH_ACCOUNT_DISABLED', 'FORBIDDEN']).toContain(row!.error?.code);
    }
    expect(await schoolName('11000000001')).toBe('East School Renamed');
  });

  it('an administrator given a scope before a boundary import runs may no longer change boundaries', async () => {
    const admin = await buildUser(t.database, { role: 'administrator' });
    const caller = await t.signIn(admin.email, TEST_PASSWORD);
    const id = await start(caller, 'boundaries', '{"type":"FeatureCollection","features":[]}');
    await t.database.rows(
      sql`UPDATE users SET role = 'programme_manager', scope_area_ids = ${`{${ids.sikkim}}`}::uuid[] WHERE id = ${admin.id}`,
    );
    expect(await run(id)).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
  });
});
