import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { buildArea, buildSchool, buildUser } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-database.js';
import {
  buildEvent,
  changeEvent,
  channelsFor,
  outboxOf,
  recordingJobs,
  setContacts,
  setPerson,
} from '../../testing/alert-fixtures.js';
import { evaluateEventAlerts, type EvaluateDeps } from './evaluate-event-alerts.js';

let database: Database;
let jobs: ReturnType<typeof recordingJobs>;
let deps: EvaluateDeps;
let gangtok: { id: string; path: string[] };
let ernakulam: { id: string; path: string[] };
let schoolA: string;
let schoolB: string;
let schoolC: string;
let focalA: string;
let officerGangtok: string;
let officerKerala: string;
const BUILT_IN = '019b0000-0000-7000-8000-000000000001';

beforeAll(async () => {
  database = await createTestDatabase();
  const india = await buildArea(database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(database, { name: 'Sikkim', level: 'state', parent: india });
  gangtok = await buildArea(database, { name: 'Gangtok', level: 'district', parent: sikkim });
  const kerala = await buildArea(database, { name: 'Kerala', level: 'state', parent: india });
  ernakulam = await buildArea(database, { name: 'Ernakulam', level: 'district', parent: kerala });
  schoolA = (await buildSchool(database, { area: gangtok, name: 'Alpha School' })).id;
  schoolB = (await buildSchool(database, { area: gangtok, name: 'Beta School' })).id;
  schoolC = (await buildSchool(database, { area: ernakulam, name: 'Gamma School' })).id;
  focalA = (await buildUser(database, { role: 'school_focal_point', schoolIds: [schoolA], email: 'focal.a@example.org' })).id;
  await setPerson(database, focalA, { language: 'hi', phone: '+919812345678', channels: ['email', 'sms'] });
  await setContacts(database, schoolA, {
    focal: { name: 'Registry Focal', email: 'FOCAL.A@example.org', phone: '+919812345678' },
    head: { name: 'Head A', phone: '98123 45679' },
  });
  await setContacts(database, schoolB, { head: { name: 'Head B', email: 'head.b@example.org' } });
  await setContacts(database, schoolC, { head: { name: 'Head C', email: 'head.c@example.org' } });
  officerGangtok = (await buildUser(database, { role: 'district_officer', areaIds: [gangtok.id] })).id;
  await setPerson(database, officerGangtok, { language: 'ja' });
  officerKerala = (await buildUser(database, { role: 'district_officer', areaIds: [ernakulam.id] })).id;
  await buildUser(database, { role: 'district_officer', areaIds: [gangtok.id], status: 'disabled' });
});
afterAll(() => database.close());
beforeEach(() => {
  jobs = recordingJobs();
  deps = {
    database,
    jobs,
    channels: channelsFor(['email', 'sms']),
    config: {
      PUBLIC_URL: 'https://alerts.example.in',
      HOST: '127.0.0.1',
      PORT: 8080,
      ALERT_FALLBACK_MINUTES: 10,
      ALERT_CONTACT_LANGUAGE: 'hi',
    },
  };
});

const count = async (table: string, eventId: string) =>
  Number(
    (await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE event_id = ${eventId}`))[0]!.n,
  );

describe('evaluateEventAlerts', () => {
  it('tells the people of matching schools once; officers get one digest; nothing twice', async () => {
    // The built-in rule: severity Severe+, or band 2+. Moderate: A (band 2) and C (band 3) match, B (band 1) does not.
    const event = await buildEvent(database, {
      schools: [
        { schoolId: schoolA, band: 2, districtId: gangtok.id },
        { schoolId: schoolB, band: 1 },
        { schoolId: schoolC, band: 3 },
      ],
    });
    const first = await evaluateEventAlerts(deps, { eventId: event.id });
    expect(first.notices.map((n) => n.contentKey)).toEqual([`alert:${BUILT_IN}`]);
    const rows = await outboxOf(database, event.id);
    const keys = [...new Set(rows.map((r) => r.recipient_key))].sort();
    expect(keys).toEqual(
      [
        `contact:${schoolA}:head`,
        `contact:${schoolC}:head`,
        `user:${focalA}:${schoolA}`,
        `user:${officerGangtok}`,
        `user:${officerKerala}`,
      ].sort(),
    );
    // B's head teacher is not told; the registry focal contact with the focal user's own addresses is not told twice.
    expect(rows.some((r) => r.school_id === schoolB)).toBe(false);
    const focal = rows.filter((r) => r.recipient_key === `user:${focalA}:${schoolA}`);
    expect(focal.map((r) => [r.channel, r.channel_rank, r.state, r.language])).toEqual([
      ['email', 0, 'queued', 'hi'],
      ['sms', 1, 'waiting', 'hi'],
    ]);
    expect(focal[0]!.body).toContain('https://alerts.example.in/c/');
    expect(focal[0]!.body).toContain('https://alerts.example.in/u/');
    expect(focal[0]!.subject).toBe('भूकंप चेतावनी: Alpha School');
    // The head teacher's phone is normalised to E.164; contacts speak the focal point's language at that school.
    const headA = rows.find((r) => r.recipient_key === `contact:${schoolA}:head`)!;
    expect([headA.channel, headA.address, headA.language, headA.state]).toEqual(['sms', '+919812345679', 'hi', 'queued']);
    expect(rows.find((r) => r.recipient_key === `contact:${schoolC}:head`)!.language).toBe('hi');
    const digest = rows.find((r) => r.recipient_key === `user:${officerGangtok}`)!;
    expect([digest.school_id, digest.language]).toEqual([null, 'ja']);
    expect(digest.body).toContain('Alpha School');
    expect(digest.body).not.toContain('Beta School');
    expect(digest.body).toContain('https://alerts.example.in/events/');
    // Check-in links: one per school-bound person; delivery jobs: the queued rows, in the fan-out's transaction.
    expect(await count('check_in_links', event.id)).toBe(3);
    const queued = rows.filter((r) => r.state === 'queued').length;
    const delivery = jobs.enqueued.filter((j) => j.kind === 'alerts.deliver');
    expect(delivery.flatMap((j) => (j.payload as { notificationIds: string[] }).notificationIds)).toHaveLength(queued);
    expect(delivery.every((j) => j.inTx)).toBe(true);
    const notice = (
      await database.rows<{ state: string; recipients: number }>(
        sql`SELECT state, recipients FROM event_notices WHERE event_id = ${event.id}`,
      )
    )[0]!;
    expect(notice).toEqual({ state: 'queued', recipients: 5 });
    const audits = await database.rows(
      sql`SELECT 1 FROM audit_log WHERE action = 'alert.notice' AND details->>'eventId' = ${event.id}`,
    );
    expect(audits).toHaveLength(1);

    // The same evaluation again writes nothing new and queues nothing.
    jobs.enqueued.length = 0;
    const again = await evaluateEventAlerts(deps, { eventId: event.id });
    expect(again.notices).toEqual([]);
    expect(await outboxOf(database, event.id)).toHaveLength(rows.length);
    expect(jobs.enqueued).toHaveLength(0);

    // An update raising B to band 2 (A unchanged, C lower) tells only B's people and the officer over B.
    await changeEvent(database, event.id, {
      schools: [
        { schoolId: schoolA, band: 2 },
        { schoolId: schoolB, band: 2 },
        { schoolId: schoolC, band: 2 },
      ],
    });
    const raised = await evaluateEventAlerts(deps, { eventId: event.id });
    expect(raised.notices.map((n) => [n.kind, n.schools])).toEqual([['update', 1]]);
    const raiseRows = (await outboxOf(database, event.id)).filter((r) => r.content_key.startsWith('raise:'));
    expect([...new Set(raiseRows.map((r) => r.recipient_key))].sort()).toEqual(
      [`contact:${schoolB}:head`, `user:${officerGangtok}`].sort(),
    );
    expect(raiseRows.find((r) => r.audience === 'district_officer')!.body).toContain('Beta School');
    expect(raiseRows.find((r) => r.audience === 'district_officer')!.body).not.toContain('Alpha School');

    // A cancel reaches everyone told before, on the channels they were told on, and nobody else.
    const late = await buildUser(database, { role: 'school_focal_point', schoolIds: [schoolC] });
    await changeEvent(database, event.id, { status: 'cancelled' });
    const cancelled = await evaluateEventAlerts(deps, { eventId: event.id });
    expect(cancelled.notices.map((n) => n.kind)).toEqual(['cancel']);
    const all = await outboxOf(database, event.id);
    const cancelKeys = [...new Set(all.filter((r) => r.content_key === 'cancel').map((r) => r.recipient_key))].sort();
    const toldKeys = [...new Set(all.filter((r) => r.content_key !== 'cancel').map((r) => r.recipient_key))].sort();
    expect(cancelKeys).toEqual(toldKeys);
    expect(cancelKeys.some((k) => k.includes(late.id))).toBe(false);
    expect(all.find((r) => r.content_key === 'cancel' && r.recipient_key === `user:${focalA}:${schoolA}`)!.subject).toContain(
      'रद्द',
    );
    expect((await evaluateEventAlerts(deps, { eventId: event.id })).notices).toEqual([]);
  });

  it('a cancel for an event nobody was told about writes nothing', async () => {
    const event = await buildEvent(database, { schools: [{ schoolId: schoolB, band: 1 }] });
    await evaluateEventAlerts(deps, { eventId: event.id });
    expect(await count('event_notices', event.id)).toBe(0);
    await changeEvent(database, event.id, { status: 'cancelled' });
    expect((await evaluateEventAlerts(deps, { eventId: event.id })).notices).toEqual([]);
    expect(await count('event_notices', event.id)).toBe(0);
  });

  it('does not tell about exercises unless a rule lists them', async () => {
    const event = await buildEvent(database, {
      status: 'exercise',
      severity: 'Extreme',
      schools: [{ schoolId: schoolA, band: 4 }],
    });
    expect((await evaluateEventAlerts(deps, { eventId: event.id })).notices).toEqual([]);
    const ruleId = uuidv7();
    await database.db.execute(
      sql`INSERT INTO alert_rules (id, name, statuses, audiences) VALUES (${ruleId}, 'Drills', '{actual,exercise}', '{head_teachers}')`,
    );
    try {
      const out = await evaluateEventAlerts(deps, { eventId: event.id });
      expect(out.notices.map((n) => n.contentKey)).toEqual([`alert:${ruleId}`]);
      expect((await outboxOf(database, event.id)).map((r) => r.recipient_key)).toEqual([`contact:${schoolA}:head`]);
    } finally {
      await database.db.execute(sql`UPDATE alert_rules SET deleted_at = now() WHERE id = ${ruleId}`);
    }
  });

  it('a rule reaches only the schools inside its own scope', async () => {
    const ruleId = uuidv7();
    await database.db.execute(
      sql`INSERT INTO alert_rules (id, name, min_band, audiences, scope_area_ids) VALUES (${ruleId}, 'Kerala', 1, '{head_teachers,district_officers}', ${`{${ernakulam.id}}`}::uuid[])`,
    );
    try {
      const event = await buildEvent(database, {
        schools: [
          { schoolId: schoolB, band: 1 },
          { schoolId: schoolC, band: 1 },
        ],
      });
      const out = await evaluateEventAlerts(deps, { eventId: event.id });
      expect(out.notices.map((n) => n.contentKey)).toEqual([`alert:${ruleId}`]);
      expect([...new Set((await outboxOf(database, event.id)).map((r) => r.recipient_key))].sort()).toEqual(
        [`contact:${schoolC}:head`, `user:${officerKerala}`].sort(),
      );
    } finally {
      await database.db.execute(sql`UPDATE alert_rules SET deleted_at = now() WHERE id = ${ruleId}`);
    }
  });

  it('a rule for officers only re-tells an update only about the schools whose band rose', async () => {
    await database.db.execute(sql`UPDATE alert_rules SET enabled = false WHERE id = ${BUILT_IN}`);
    const ruleId = uuidv7();
    await database.db.execute(
      sql`INSERT INTO alert_rules (id, name, min_band, audiences) VALUES (${ruleId}, 'Officers', 1, '{district_officers}')`,
    );
    try {
      const event = await buildEvent(database, {
        schools: [
          { schoolId: schoolA, band: 1 },
          { schoolId: schoolB, band: 1 },
        ],
      });
      expect((await evaluateEventAlerts(deps, { eventId: event.id })).notices.map((n) => n.schools)).toEqual([2]);
      // A new version with the same bands: nothing to tell.
      await changeEvent(database, event.id, { schools: [{ schoolId: schoolA, band: 1 }, { schoolId: schoolB, band: 1 }] });
      expect((await evaluateEventAlerts(deps, { eventId: event.id })).notices).toEqual([]);
      // B rises: the officer's follow-up is about B alone.
      await changeEvent(database, event.id, { schools: [{ schoolId: schoolA, band: 1 }, { schoolId: schoolB, band: 2 }] });
      const raised = await evaluateEventAlerts(deps, { eventId: event.id });
      expect(raised.notices.map((n) => [n.kind, n.schools])).toEqual([['update', 1]]);
    } finally {
      await database.db.execute(sql`UPDATE alert_rules SET deleted_at = now() WHERE id = ${ruleId}`);
      await database.db.execute(sql`UPDATE alert_rules SET enabled = true WHERE id = ${BUILT_IN}`);
    }
  });

  it('shows opted-out channels and makes the next channel the first; channels without an adapter are not_sent', async () => {
    await database.db.execute(
      sql`INSERT INTO channel_opt_outs (channel, address, source) VALUES ('email', 'focal.a@example.org', 'link')`,
    );
    deps = { ...deps, channels: channelsFor(['email', 'sms']) };
    const event = await buildEvent(database, { severity: 'Extreme', schools: [{ schoolId: schoolA, band: 1 }] });
    await evaluateEventAlerts(deps, { eventId: event.id });
    const focal = (await outboxOf(database, event.id)).filter((r) => r.recipient_key === `user:${focalA}:${schoolA}`);
    expect(focal.map((r) => [r.channel, r.channel_rank, r.state])).toEqual([
      ['sms', 0, 'queued'],
      ['email', 1, 'opted_out'],
    ]);
    await database.db.execute(sql`DELETE FROM channel_opt_outs WHERE address = 'focal.a@example.org'`);

    const bare = { ...deps, channels: channelsFor(['email']) };
    const other = await buildEvent(database, { severity: 'Extreme', schools: [{ schoolId: schoolA, band: 1 }] });
    await evaluateEventAlerts(bare, { eventId: other.id });
    const head = (await outboxOf(database, other.id)).filter((r) => r.recipient_key === `contact:${schoolA}:head`);
    expect(head.map((r) => [r.channel, r.state])).toEqual([['sms', 'not_sent']]);
  });
});
