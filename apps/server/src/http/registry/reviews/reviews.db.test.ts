import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { createTestApp, type Caller, type TestApp } from '../../../testing/test-app.js';
import { buildUser, TEST_PASSWORD } from '../../../testing/factories.js';
import { runSchoolImportOn } from '../../../domain/registry/schools/school-import-harness.js';

/**
 * Sikkim with two districts drawn as boxes: Gangtok [88.5, 27.2 – 88.9, 27.6] and Namchi [88.2, 27.0 – 88.5, 27.2].
 * The file declares Namchi (LGD 227) for schools whose points lie in Gangtok, and one school has no point.
 */
let t: TestApp;
const ids = { india: uuidv7(), sikkim: uuidv7(), gangtok: uuidv7(), namchi: uuidv7(), kerala: uuidv7() };
let importId: string;
let gangtokOfficer: Caller;
let namchiOfficer: Caller;
let keralaOfficer: Caller;
let viewer: Caller;
let admin: Caller;

async function area(id: string, level: string, name: string, path: string[], codes: Record<string, string>, box: number[] | null) {
  const geom = box ? sql`ST_Multi(ST_MakeEnvelope(${box[0]}, ${box[1]}, ${box[2]}, ${box[3]}, 4326))` : sql`NULL`;
  await t.database.rows(sql`INSERT INTO areas (id, parent_id, level, name, codes, path, geom, country_code)
    VALUES (${id}, ${path.at(-2) ?? null}, ${level}, ${name}, ${JSON.stringify(codes)}::jsonb, ${`{${path.join(',')}}`}::uuid[], ${geom}, 'IN')`);
}

const signedIn = async (role: 'district_officer' | 'viewer' | 'administrator', areaIds: string[] = []) =>
  t.signIn((await buildUser(t.database, { role, areaIds })).email, TEST_PASSWORD);

beforeAll(async () => {
  t = await createTestApp();
  await area(ids.india, 'country', 'India', [ids.india], { iso3166: 'IN' }, null);
  await area(ids.sikkim, 'state', 'Sikkim', [ids.india, ids.sikkim], { lgd: '11' }, [88, 27, 89, 28.2]);
  await area(ids.gangtok, 'district', 'GANGTOK', [ids.india, ids.sikkim, ids.gangtok], { lgd: '225' }, [88.5, 27.2, 88.9, 27.6]);
  await area(ids.namchi, 'district', 'Namchi', [ids.india, ids.sikkim, ids.namchi], { lgd: '227' }, [88.2, 27.0, 88.5, 27.2]);
  await area(ids.kerala, 'state', 'Kerala', [ids.india, ids.kerala], { lgd: '32' }, [75, 8, 77, 12]);
  const csv = [
    'schcd,schname,latitude,longitude,dist_lgd,dtname',
    '11000000001,Keeps Its Point,27.34,88.61,227,Namchi',
    '11000000002,Goes Where Declared,27.35,88.62,227,Namchi',
    '11000000003,Point Corrected,27.36,88.63,227,Namchi',
    '11000000004,Left As It Is,27.37,88.64,227,Namchi',
    '11000000005,No Point Given,,,227,Namchi',
  ].join('\n');
  importId = (await runSchoolImportOn(t.database, { bytes: `${csv}\n` })).importId;
  gangtokOfficer = await signedIn('district_officer', [ids.gangtok]);
  namchiOfficer = await signedIn('district_officer', [ids.namchi]);
  keralaOfficer = await signedIn('district_officer', [ids.kerala]);
  viewer = await signedIn('viewer', [ids.gangtok]);
  admin = await signedIn('administrator');
});
afterAll(() => t.close());

interface WireReview {
  id: string;
  version: number;
  kind: string;
  status: string;
  school: { id: string; code: string; name: string; placement: string; lon: number | null; area: { name: string } | null };
  declared: Record<string, Record<string, string>>;
  declaredArea: { name: string } | null;
  foundArea: { name: string } | null;
  resolution: { action: string; comment: string | null } | null;
}

async function reviews(caller: Caller, query = ''): Promise<WireReview[]> {
  const r = await caller.get(`/api/v1/reviews?limit=500${query}`);
  expect(r.statusCode).toBe(200);
  return r.json<{ items: WireReview[] }>().items;
}

async function reviewOf(code: string, caller: Caller = admin): Promise<WireReview> {
  const found = (await reviews(caller)).find((r) => r.school.code === code);
  expect(found).toBeDefined();
  return found!;
}

async function schoolRow(code: string) {
  const [row] = await t.database.rows<{ id: string; area_id: string | null; placement: string; version: number; lon: number | null }>(
    sql`SELECT id, area_id, placement, version, ST_X(location) AS lon FROM schools WHERE code = ${code}`,
  );
  const history = await t.database.rows<{ version: number; changes: Record<string, unknown>; import_id: string | null }>(
    sql`SELECT version, changes, import_id FROM school_history WHERE school_id = ${row!.id} ORDER BY version`,
  );
  return { ...row!, history };
}

async function counted(areaId: string): Promise<number> {
  const rows = await t.database.rows<{ schools: number }>(sql`SELECT schools FROM area_school_counts WHERE area_id = ${areaId}`);
  return Number(rows[0]?.schools ?? 0);
}

const resolve = (caller: Caller, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  caller.request('POST', `/api/v1/reviews/${id}/resolve`, body, headers);

describe('the placement review list', () => {
  it('shows each officer the disagreements in their district, with what was declared and where the point lies', async () => {
    const gangtok = await reviews(gangtokOfficer);
    expect(gangtok.map((r) => r.school.code).sort()).toEqual(['11000000001', '11000000002', '11000000003', '11000000004']);
    expect(gangtok.find((r) => r.school.code === '11000000001')).toMatchObject({
      kind: 'outside_declared_area',
      status: 'open',
      version: 1,
      school: { name: 'Keeps Its Point', placement: 'conflict', area: { name: 'GANGTOK' } },
      declared: { district: { lgd: '227', name: 'Namchi' } },
      declaredArea: { name: 'Namchi' },
      foundArea: { name: 'GANGTOK' },
      resolution: null,
    });
    // Namchi's officer sees the same four (their district was declared) and the school without a point.
    expect((await reviews(namchiOfficer)).map((r) => r.kind).sort()).toEqual(['no_location', ...Array<string>(4).fill('outside_declared_area')]);
    expect(await reviews(keralaOfficer)).toEqual([]);
  });

  it('filters by kind, area at any level, import and status, and pages by cursor', async () => {
    expect((await reviews(admin, '&kind=no_location')).map((r) => r.school.code)).toEqual(['11000000005']);
    expect(await reviews(admin, `&area=${ids.sikkim}`)).toHaveLength(5);
    expect(await reviews(admin, `&area=${ids.kerala}`)).toEqual([]);
    expect(await reviews(admin, `&import=${importId}`)).toHaveLength(5);
    expect(await reviews(admin, `&import=${uuidv7()}`)).toEqual([]);
    expect(await reviews(admin, '&status=resolved')).toEqual([]);
    const first = (await admin.get('/api/v1/reviews?limit=3')).json<{ items: WireReview[]; nextCursor: string }>();
    const rest = (await admin.get(`/api/v1/reviews?limit=3&cursor=${first.nextCursor}`)).json<{ items: WireReview[]; nextCursor: null }>();
    expect([...first.items, ...rest.items].map((r) => r.id)).toEqual((await reviews(admin)).map((r) => r.id));
    expect(rest.nextCursor).toBeNull();
  });

  it('counts the open reviews by kind within the caller\u2019s scope and an area', async () => {
    const none = { outside_declared_area: 0, unknown_area_code: 0, area_name_mismatch: 0, no_location: 0, outside_any_area: 0 };
    expect((await namchiOfficer.get('/api/v1/reviews/summary')).json()).toEqual({
      total: 5,
      byKind: { ...none, outside_declared_area: 4, no_location: 1 },
    });
    expect((await gangtokOfficer.get(`/api/v1/reviews/summary?area=${ids.gangtok}`)).json()).toEqual({ total: 4, byKind: { ...none, outside_declared_area: 4 } });
    expect((await keralaOfficer.get('/api/v1/reviews/summary')).json()).toEqual({ total: 0, byKind: none });
  });

  it('counts the reviews one import raised, for its result page', async () => {
    const none = { outside_declared_area: 0, unknown_area_code: 0, area_name_mismatch: 0, no_location: 0, outside_any_area: 0 };
    expect((await admin.get(`/api/v1/reviews/summary?import=${importId}`)).json()).toEqual({
      total: 5,
      byKind: { ...none, outside_declared_area: 4, no_location: 1 },
    });
    expect((await gangtokOfficer.get(`/api/v1/reviews/summary?import=${importId}`)).json()).toMatchObject({ total: 4 });
    expect((await admin.get(`/api/v1/reviews/summary?import=${uuidv7()}`)).json()).toEqual({ total: 0, byKind: none });
  });
});

describe('settling a review', () => {
  it('keeps the area the point lies in, with the school\u2019s history, once per idempotency key', async () => {
    const review = await reviewOf('11000000001');
    const headers = { 'idempotency-key': `resolve-${review.id}` };
    const r = await resolve(gangtokOfficer, review.id, { version: 1, action: 'accept_location' }, headers);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'resolved', version: 2, resolution: { action: 'accept_location', comment: null } });
    const again = await resolve(gangtokOfficer, review.id, { version: 1, action: 'accept_location' }, headers);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(r.json());
    expect((await resolve(gangtokOfficer, review.id, { version: 2, action: 'dismiss', comment: 'x' })).json()).toMatchObject({ code: 'REVIEW_SETTLED' });
    const school = await schoolRow('11000000001');
    expect(school).toMatchObject({ area_id: ids.gangtok, placement: 'located_only', version: 2 });
    expect(school.history).toEqual([{ version: 2, import_id: null, changes: { placement: ['conflict', 'located_only'] } }]);
    const audit = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id IN (${review.id}, ${school.id}) ORDER BY action`);
    expect(audit.map((a) => a.action)).toEqual(['registry.review.accept_location', 'school.placement']);
  });

  it('places the school in its declared district and moves it in the area counts', async () => {
    const review = await reviewOf('11000000002');
    const before = { gangtok: await counted(ids.gangtok), namchi: await counted(ids.namchi), sikkim: await counted(ids.sikkim) };
    expect((await resolve(namchiOfficer, review.id, { version: 7, action: 'accept_declared' })).json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    const r = await resolve(namchiOfficer, review.id, { version: 1, action: 'accept_declared', comment: 'The head teacher confirmed Namchi.' });
    expect(r.json()).toMatchObject({ status: 'resolved', school: { placement: 'declared_only', area: { name: 'Namchi' } } });
    expect(await schoolRow('11000000002')).toMatchObject({ area_id: ids.namchi, placement: 'declared_only', version: 2 });
    expect({ gangtok: await counted(ids.gangtok), namchi: await counted(ids.namchi), sikkim: await counted(ids.sikkim) }).toEqual({
      gangtok: before.gangtok - 1,
      namchi: before.namchi + 1,
      sikkim: before.sikkim,
    });
  });

  it('re-places a corrected point by point in polygon: a new disagreement becomes a new review', async () => {
    const review = await reviewOf('11000000003');
    // Still inside Gangtok while declaring Namchi: the old review is settled, a new one opens.
    const moved = await resolve(gangtokOfficer, review.id, { version: 1, action: 'move_point', lon: 88.7, lat: 27.4 });
    expect(moved.json()).toMatchObject({ status: 'resolved', resolution: { action: 'move_point' }, school: { lon: 88.7, placement: 'conflict' } });
    const reopened = await reviewOf('11000000003');
    expect(reopened.id).not.toBe(review.id);
    // Gangtok's officer may not carry the school out of Gangtok; Namchi's may bring it in.
    expect((await resolve(gangtokOfficer, reopened.id, { version: 1, action: 'move_point', lon: 88.3, lat: 27.1 })).json()).toMatchObject({ code: 'FORBIDDEN' });
    const settled = await resolve(namchiOfficer, reopened.id, { version: 1, action: 'move_point', lon: 88.3, lat: 27.1 });
    expect(settled.json()).toMatchObject({ status: 'resolved', school: { placement: 'matched', area: { name: 'Namchi' } } });
    expect((await reviews(admin)).filter((r) => r.school.code === '11000000003')).toEqual([]);
    const school = await schoolRow('11000000003');
    expect(school).toMatchObject({ area_id: ids.namchi, placement: 'matched', version: 3, lon: 88.3 });
    expect(school.history.at(-1)!.changes).toEqual({
      area_id: [ids.gangtok, ids.namchi],
      placement: ['conflict', 'matched'],
      location: [[88.7, 27.4], [88.3, 27.1]],
    });
  });

  it('dismisses with a reason only, leaving the school as it was', async () => {
    const review = await reviewOf('11000000004');
    const bare = await resolve(gangtokOfficer, review.id, { version: 1, action: 'dismiss' });
    expect(bare.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const r = await resolve(gangtokOfficer, review.id, { version: 1, action: 'dismiss', comment: 'Campus spans the border.' });
    expect(r.json()).toMatchObject({ status: 'dismissed', resolution: { action: 'dismiss', comment: 'Campus spans the border.' } });
    expect(await schoolRow('11000000004')).toMatchObject({ placement: 'conflict', version: 1, history: [] });
    expect((await reviews(admin, '&status=dismissed')).map((x) => x.id)).toEqual([review.id]);
  });

  it('refuses what the review cannot support, readers, and officers of other places', async () => {
    const noPoint = await reviewOf('11000000005');
    expect((await resolve(namchiOfficer, noPoint.id, { version: 1, action: 'accept_location' })).json()).toMatchObject({ code: 'REVIEW_ACTION_NOT_APPLICABLE' });
    expect((await resolve(viewer, noPoint.id, { version: 1, action: 'dismiss', comment: 'x' })).statusCode).toBe(403);
    expect((await resolve(keralaOfficer, noPoint.id, { version: 1, action: 'dismiss', comment: 'x' })).statusCode).toBe(404);
    expect((await reviewOf('11000000005')).status).toBe('open');
  });
});
