import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { buildArea, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

/**
 * GET /api/v1/imports: a district officer lists their own imports (not a colleague's of the same district, nor one
 * of another state), an administrator everyone's; newest first, paged by cursor without losing or repeating an
 * import that shares its creation time (to the millisecond, or exactly) with another; filtered by status.
 */
let t: TestApp;
let admin: Caller;
let adminId: string;
let gangtokOfficer: Caller;
let gangtokOfficerId: string;
let colleague: Caller;
let keralaOfficer: Caller;
let viewer: Caller;

interface WireImport {
  id: string;
  status: string;
  fileName: string;
}
interface WirePage {
  items: WireImport[];
  nextCursor: string | null;
}

/** An import row of `author`, created at `createdAt` (text, to the microsecond). */
async function anImport(author: string, createdAt: string, fields: { status?: string; fileName?: string } = {}): Promise<string> {
  const id = uuidv7();
  const counts = { rows: 10, created: 8, updated: 1, unchanged: 1, rejected: 0 };
  await t.database.rows(sql`
    INSERT INTO imports (id, kind, status, dry_run, file_name, mapping, options, counts, created_by, created_at, instance_id, last_committed_row)
    VALUES (${id}, 'schools', ${fields.status ?? 'completed'}, false, ${fields.fileName ?? `${id}.csv`},
            '{"school_id_govt":"udise_code"}'::jsonb, '{"columns":["udise_code"],"countryCode":"IN"}'::jsonb,
            ${JSON.stringify(counts)}::jsonb, ${author}, ${createdAt}::timestamptz, 'a-dead-instance', 6)`);
  return id;
}

/** Every page of a list, following its cursors. */
async function allPages(caller: Caller, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const r = await caller.get(`/api/v1/imports?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.statusCode).toBe(200);
    const page = r.json<WirePage>();
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 20);
  return { ids, pages };
}

// Newest first, as the list must give them.
const officerImports: string[] = [];
const colleagueImports: string[] = [];
const adminImports: string[] = [];
let interruptedId: string;

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  const kerala = await buildArea(t.database, { name: 'Kerala', level: 'state', parent: india });
  const user = async (role: 'district_officer' | 'administrator' | 'viewer', areaIds: string[] = []) => {
    const u = await buildUser(t.database, { role, areaIds });
    return { id: u.id, caller: await t.signIn(u.email, TEST_PASSWORD) };
  };
  const o = await user('district_officer', [gangtok.id]);
  gangtokOfficer = o.caller;
  gangtokOfficerId = o.id;
  const c = await user('district_officer', [gangtok.id]);
  colleague = c.caller;
  keralaOfficer = (await user('district_officer', [kerala.id])).caller;
  viewer = (await user('viewer', [gangtok.id])).caller;
  const a = await user('administrator');
  admin = a.caller;
  adminId = a.id;

  // The officer's seven: three in one millisecond (two of them in one microsecond), one a microsecond before them.
  const times = [
    '2026-12-09T08:00:00.000000Z',
    '2026-12-08T10:00:00.123456Z',
    '2026-12-08T10:00:00.123456Z',
    '2026-12-08T10:00:00.123100Z',
    '2026-12-08T10:00:00.123099Z',
    '2026-12-07T09:00:00.000000Z',
    '2026-12-01T09:00:00.000000Z',
  ];
  const made = [];
  for (const [i, at] of times.entries()) {
    const id = await anImport(gangtokOfficerId, at, i === 3 ? { status: 'interrupted', fileName: 'gangtok-schools.csv' } : {});
    made.push({ id, at });
  }
  // Same time: the larger id first.
  made.sort((x, y) => (x.at === y.at ? (x.id < y.id ? 1 : -1) : x.at < y.at ? 1 : -1));
  officerImports.push(...made.map((m) => m.id));
  interruptedId = made.find((m) => m.at === '2026-12-08T10:00:00.123100Z')!.id;
  colleagueImports.push(
    await anImport(c.id, '2026-12-08T11:00:00.000000Z', { status: 'interrupted', fileName: 'colleague.csv' }),
  );
  adminImports.push(await anImport(adminId, '2026-12-10T08:00:00.000000Z', { status: 'interrupted' }));
});
afterAll(() => t.close());

describe('the list of imports', () => {
  it('shows a district officer their own imports only, newest first', async () => {
    const r = await gangtokOfficer.get('/api/v1/imports');
    expect(r.statusCode).toBe(200);
    const page = r.json<WirePage>();
    expect(page.items.map((i) => i.id)).toEqual(officerImports);
    expect(page.nextCursor).toBeNull();
    // A colleague of the same district, an officer of another state and a viewer see none of them.
    expect((await colleague.get('/api/v1/imports')).json<WirePage>().items.map((i) => i.id)).toEqual(colleagueImports);
    expect((await keralaOfficer.get('/api/v1/imports')).json()).toEqual({ items: [], nextCursor: null });
    expect((await viewer.get('/api/v1/imports?limit=500')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('shows an administrator everyone’s, or their own when asked', async () => {
    const all = await allPages(admin, 'limit=500');
    expect(new Set(all.ids)).toEqual(new Set([...officerImports, ...colleagueImports, ...adminImports]));
    expect(all.ids[0]).toBe(adminImports[0]);
    expect((await admin.get('/api/v1/imports?mine=true')).json<WirePage>().items.map((i) => i.id)).toEqual(adminImports);
  });

  it('pages by cursor without losing or repeating imports created at the same time', async () => {
    for (const limit of [1, 2, 3]) {
      const { ids, pages } = await allPages(gangtokOfficer, `limit=${limit}`);
      expect(ids).toEqual(officerImports);
      expect(pages).toBe(Math.floor(officerImports.length / limit) + 1);
    }
  });

  it('filters by status', async () => {
    const mine = (await gangtokOfficer.get('/api/v1/imports?status=interrupted')).json<WirePage>();
    expect(mine.items.map((i) => [i.id, i.status, i.fileName])).toEqual([[interruptedId, 'interrupted', 'gangtok-schools.csv']]);
    const everyone = await allPages(admin, 'status=interrupted&limit=1');
    expect(everyone.ids).toEqual([adminImports[0], colleagueImports[0], interruptedId]);
    expect((await gangtokOfficer.get('/api/v1/imports?status=running')).json()).toEqual({ items: [], nextCursor: null });
    expect((await gangtokOfficer.get('/api/v1/imports?status=lost')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('gives each import through an allow-list, never the stored row', async () => {
    const [item] = (await gangtokOfficer.get('/api/v1/imports?limit=1')).json<{ items: Record<string, unknown>[] }>().items;
    expect(Object.keys(item!).sort()).toEqual(
      [
        'counts',
        'createdAt',
        'dryRun',
        'error',
        'fileName',
        'finishedAt',
        'id',
        'kind',
        'lastCommittedRow',
        'progress',
        'status',
        'updatedAt',
      ].sort(),
    );
    expect(item).toMatchObject({
      kind: 'schools',
      dryRun: false,
      counts: { rows: 10, created: 8, updated: 1, unchanged: 1, rejected: 0 },
    });
    expect(item!.createdAt).toBe('2026-12-09T08:00:00.000Z');
  });

  it('refuses a cursor it did not give out', async () => {
    const forged = Buffer.from(JSON.stringify({ t: 'yesterday', i: officerImports[0] })).toString('base64url');
    for (const cursor of ['not-a-cursor', forged]) {
      expect((await gangtokOfficer.get(`/api/v1/imports?cursor=${cursor}`)).json()).toMatchObject({ code: 'CURSOR_INVALID' });
    }
  });
});
