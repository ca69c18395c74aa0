import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/database.js';
import { buildUser } from '../factories.js';
import { createTestDatabase } from '../test-database.js';
import { checkAlertsAtTheEnd, type ReceivedMail } from './alerts-checks.js';
import { checkDrillsAtTheEnd, makeDrillWrite, type DrillWrite } from './drill-writes.js';
import { ReportBuilder } from './fault-report.js';
import { checkBatches, checkImportedFile, readImportState } from './import-checks.js';
import type { Query } from './scenario-database.js';
import { generateSchoolFile, type SchoolFile } from './school-file.js';
import { SeededRandom } from './seeded-random.js';

// The fault test's checks must fail when the data is wrong: here they are given databases left wrong on purpose.
let database: Database;
let q: Query;
const random = new SeededRandom(7);

beforeAll(async () => {
  database = await createTestDatabase();
  q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await database.rawQuery(text, params)).rows as T[];
});
afterAll(() => database.close());
beforeEach(async () => {
  await q("DELETE FROM audit_log WHERE action IN ('import.schools.batch', 'drill.record')");
  await q('DELETE FROM idempotency_keys');
  await q('DELETE FROM drills');
  await q('DELETE FROM schools');
  await q('DELETE FROM imports');
});

const kinds = (report: ReportBuilder) => report.finish().problems.map((p) => p.kind);

async function addSchools(importId: string, file: SchoolFile, first: number, last: number): Promise<void> {
  const rows = file.schools.slice(first - 1, last);
  await q(
    `INSERT INTO schools (id, code, code_system, country_code, name, location, source_import_id)
     SELECT gen_random_uuid(), t.code, 'udise', 'IN', t.name, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), $5
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS t(code, name, lat, lon)`,
    [rows.map((s) => s.code), rows.map((s) => s.name), rows.map((s) => s.lat), rows.map((s) => s.lon), importId],
  );
}

async function addBatchAudit(importId: string, first: number, last: number, created = last - first + 1): Promise<void> {
  const details = { firstRow: first, lastRow: last, rows: last - first + 1, created, updated: 0, unchanged: 0 };
  await q(
    "INSERT INTO audit_log (id, action, entity, entity_id, details) VALUES ($1, 'import.schools.batch', 'import', $2, $3::jsonb)",
    [uuidv7(), importId, JSON.stringify(details)],
  );
}

/** An import of `file` whose batches wrote rows `first`-`last` (each with its audit row), as write-school-batch.ts does. */
async function importWith(file: SchoolFile, batches: [number, number][]): Promise<string> {
  const id = uuidv7();
  await q("INSERT INTO imports (id, kind, status, file_name) VALUES ($1, 'schools', 'running', $2)", [id, file.name]);
  for (const [first, last] of batches) {
    await addSchools(id, file, first, last);
    await addBatchAudit(id, first, last);
  }
  return id;
}

describe('the import checks', () => {
  const file = generateSchoolFile(random, 5, 10_000_000_000);

  it('pass whole batches that match the registry', async () => {
    const id = await importWith(file, [
      [1, 2],
      [3, 4],
      [5, 5],
    ]);
    await q(
      `UPDATE imports SET status = 'completed', counts = '{"rows":5,"created":5,"updated":0,"unchanged":0,"rejected":0}' WHERE id = $1`,
      [id],
    );
    const report = new ReportBuilder('import', 'pglite');
    checkBatches(report, await readImportState(q, id), file, 0, 'test', 2);
    await checkImportedFile(q, report, file, id, 2);
    expect(report.finish().problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(5);
  });

  it('find a school missing from a committed batch, and a batch cut in half', async () => {
    const id = await importWith(file, [
      [1, 2],
      [3, 4],
    ]);
    await q('DELETE FROM schools WHERE code = $1', [file.schools[3]!.code]);
    const report = new ReportBuilder('import', 'pglite');
    checkBatches(report, await readImportState(q, id), file, 0, 'test', 2);
    expect(kinds(report)).toEqual(['lost', 'half-written']);
  });

  it('find schools written without the audit row of their batch', async () => {
    const id = await importWith(file, [[1, 2]]);
    await addSchools(id, file, 3, 3);
    const report = new ReportBuilder('import', 'pglite');
    checkBatches(report, await readImportState(q, id), file, 0, 'test', 2);
    expect(kinds(report)).toEqual(['half-written', 'half-written']);
  });

  it('find a batch that overlaps the one before (rows written twice)', async () => {
    const id = await importWith(file, [[1, 2]]);
    await addSchools(id, file, 3, 4);
    await addBatchAudit(id, 2, 3, 1);
    await addBatchAudit(id, 4, 4, 1);
    const report = new ReportBuilder('import', 'pglite');
    checkBatches(report, await readImportState(q, id), file, 0, 'test', 2);
    expect(report.finish().problems.map((p) => `${p.kind}: ${p.message}`)).toEqual([
      'duplicated: test: the batch of rows 2-3 overlaps the one before (rows up to 2)',
      'half-written: test: the batch of rows 4-4 holds 1 rows, not a whole batch',
    ]);
  });

  it('find in the end a school lost, one changed and one the file does not have', async () => {
    const id = await importWith(file, [
      [1, 2],
      [3, 4],
      [5, 5],
    ]);
    await q('DELETE FROM schools WHERE code = $1', [file.schools[0]!.code]);
    await q("UPDATE schools SET name = 'Somewhere else' WHERE code = $1", [file.schools[1]!.code]);
    await q(
      "INSERT INTO schools (id, code, code_system, country_code, name, source_import_id) VALUES (gen_random_uuid(), '19999999999', 'udise', 'IN', 'Stray', $1)",
      [id],
    );
    const report = new ReportBuilder('import', 'pglite');
    await checkImportedFile(q, report, file, id, 2);
    expect(new Set(kinds(report))).toEqual(new Set(['other', 'lost', 'duplicated', 'half-written']));
  });
});

describe('the drill checks', () => {
  it('find a drill lost, one changed, one never sent and a key answered for another drill', async () => {
    const focal = await buildUser(database, { role: 'school_focal_point' });
    const [school] = await q<{ id: string }>(
      "INSERT INTO schools (id, code, code_system, name) VALUES (gen_random_uuid(), '11111111111', 'udise', 'X') RETURNING id::text AS id",
    );
    const writes = Array.from({ length: 4 }, (_, i) => makeDrillWrite(random, 1, i));
    const store = async (w: DrillWrite, answerFor = w.body.id) => {
      await q("INSERT INTO drills (id, school_id, hazard, held_on, record) VALUES ($1, $2, $3, '2025-01-01', $4::jsonb)", [
        w.body.id,
        school!.id,
        w.body.hazard,
        JSON.stringify(w.body),
      ]);
      await q("INSERT INTO audit_log (id, action, entity, entity_id) VALUES ($1, 'drill.record', 'drill', $2)", [
        uuidv7(),
        w.body.id,
      ]);
      await q(
        "INSERT INTO idempotency_keys (actor_id, key, method, path, request_hash, status_code, response) VALUES ($1, $2, 'POST', '/', 'h', 201, $3::jsonb)",
        [focal.id, w.key, JSON.stringify({ id: answerFor })],
      );
    };
    for (const w of writes) await store(w);
    const clean = new ReportBuilder('drills', 'pglite');
    await checkDrillsAtTheEnd(q, clean, writes, focal.email);
    expect(clean.finish().problems).toEqual([]);

    await q('DELETE FROM drills WHERE id = $1', [writes[0]!.body.id]);
    await q(`UPDATE drills SET record = jsonb_set(record, '{participants,girls}', '9999') WHERE id = $1`, [writes[1]!.body.id]);
    await q('UPDATE idempotency_keys SET response = $2::jsonb WHERE key = $1', [
      writes[2]!.key,
      JSON.stringify({ id: writes[3]!.body.id }),
    ]);
    await store(makeDrillWrite(random, 2, 0));
    const report = new ReportBuilder('drills', 'pglite');
    await checkDrillsAtTheEnd(q, report, writes, focal.email);
    const found = report.finish();
    expect({ lost: found.lost, duplicated: found.duplicated, halfWritten: found.halfWritten }).toEqual({
      lost: 1,
      duplicated: 1,
      halfWritten: 2,
    });
  });
});

describe('the alert checks', () => {
  const domain = 'fault.example.org';
  const mail = (to: string, id: string): ReceivedMail => ({ to, messageId: `<${id}@${domain}>` });

  /** An event reaching two schools with two contacts each, its notice fanned out, and the four rows `state`. */
  async function toldEvent(state: string) {
    const codes = ['31000000001', '31000000002'];
    const schools = [];
    for (const code of codes) {
      const [row] = await q<{ id: string }>(
        `INSERT INTO schools (id, code, code_system, name, safety_focal_point, head_teacher)
         VALUES (gen_random_uuid(), $1, 'udise', 'X', jsonb_build_object('email', 'focal-' || $1 || '@example.org'),
                 jsonb_build_object('email', 'head-' || $1 || '@example.org'))
         RETURNING id::text AS id`,
        [code],
      );
      schools.push(row!.id);
    }
    const [event] = await q<{ id: string }>(
      "INSERT INTO hazard_events (id, kind, title, imt, computed_at) VALUES (gen_random_uuid(), 'cap', 'T', 'severity', now()) RETURNING id::text AS id",
    );
    for (const school of schools)
      await q('INSERT INTO hazard_event_schools (event_id, school_id, intensity, band) VALUES ($1, $2, 4, 4)', [event!.id, school]);
    const noticeId = uuidv7();
    await q(
      "INSERT INTO event_notices (id, event_id, kind, content_key, state, recipients) VALUES ($1, $2, 'alert', 'alert:x', 'queued', 4)",
      [noticeId, event!.id],
    );
    const rows: { id: string; address: string }[] = [];
    for (const [i, school] of schools.entries()) {
      for (const who of ['focal', 'head']) {
        const id = uuidv7();
        const address = `${who}-${codes[i]}@example.org`;
        await q(
          `INSERT INTO notifications (id, notice_id, event_id, school_id, recipient_key, audience, language, channel, address, body, state)
           VALUES ($1, $2, $3, $4, $5, 'focal_point', 'en', 'email', $6, 'b', $7)`,
          [id, noticeId, event!.id, school, `contact:${school}:${who}`, address, state],
        );
        rows.push({ id, address });
      }
    }
    return { eventId: event!.id, noticeId, rows };
  }

  beforeEach(async () => {
    await q('DELETE FROM hazard_events');
    await q('DELETE FROM schools');
  });

  it('pass an alert every recipient received once, and note raw copies of one Message-ID', async () => {
    const { rows } = await toldEvent('delivered');
    const report = new ReportBuilder('alerts', 'pglite');
    const mails = [...rows.map((r) => mail(r.address, r.id)), mail(rows[0]!.address, rows[0]!.id)];
    const seen = await checkAlertsAtTheEnd(q, report, mails, domain);
    const found = report.finish();
    expect(found.problems).toEqual([]);
    expect(seen).toEqual({ events: 1, recipients: 4, copies: 1 });
    expect(found.notes.join()).toContain('1 raw second cop');
  });

  it('find a person with no row, a sent row with no mail, a mail no row accounts for, a row left sending and a notice left pending', async () => {
    const { rows, noticeId } = await toldEvent('delivered');
    await q('DELETE FROM notifications WHERE id = $1', [rows[0]!.id]);
    await q("UPDATE notifications SET state = 'sending' WHERE id = $1", [rows[3]!.id]);
    await q("UPDATE event_notices SET state = 'pending' WHERE id = $1", [noticeId]);
    const mails = [mail(rows[2]!.address, rows[2]!.id), mail(rows[2]!.address, uuidv7()), mail(rows[3]!.address, rows[3]!.id)];
    const report = new ReportBuilder('alerts', 'pglite');
    await checkAlertsAtTheEnd(q, report, mails, domain);
    const found = report.finish();
    expect({ lost: found.lost, duplicated: found.duplicated, halfWritten: found.halfWritten }).toEqual({
      lost: 2,
      duplicated: 1,
      halfWritten: 1,
    });
    expect(found.problems.filter((p) => p.kind === 'other').map((p) => p.message)).toEqual([
      expect.stringContaining('is left sending'),
    ]);
  });
});

it('the alert checks find two different messages to one person about one notice', async () => {
  await q('DELETE FROM hazard_events');
  await q('DELETE FROM schools');
  const [school] = await q<{ id: string }>(
    "INSERT INTO schools (id, code, code_system, name, safety_focal_point) VALUES (gen_random_uuid(), '31000000009', 'udise', 'X', '{\"email\": \"a@example.org\"}'::jsonb) RETURNING id::text AS id",
  );
  const [event] = await q<{ id: string }>(
    "INSERT INTO hazard_events (id, kind, title, imt, computed_at) VALUES (gen_random_uuid(), 'cap', 'T', 'severity', now()) RETURNING id::text AS id",
  );
  await q('INSERT INTO hazard_event_schools (event_id, school_id, intensity, band) VALUES ($1, $2, 4, 4)', [event!.id, school!.id]);
  const noticeId = uuidv7();
  await q("INSERT INTO event_notices (id, event_id, kind, content_key, state, recipients) VALUES ($1, $2, 'alert', 'alert:x', 'queued', 1)", [
    noticeId,
    event!.id,
  ]);
  const ids = [uuidv7(), uuidv7()];
  for (const [i, id] of ids.entries())
    await q(
      `INSERT INTO notifications (id, notice_id, event_id, school_id, recipient_key, audience, language, channel, address, body, state)
       VALUES ($1, $2, $3, $4, $5, 'focal_point', 'en', 'email', 'a@example.org', 'b', 'delivered')`,
      [id, noticeId, event!.id, school!.id, `key-${i}`],
    );
  const report = new ReportBuilder('alerts', 'pglite');
  await checkAlertsAtTheEnd(q, report, ids.map((id) => ({ to: 'a@example.org', messageId: `<${id}@fault.example.org>` })), 'fault.example.org');
  const messages = report.finish().problems.map((p) => `${p.kind}: ${p.message}`);
  expect(messages).toEqual([
    expect.stringMatching(/^duplicated: notice .* has 2 outbox rows$/),
    expect.stringMatching(/^duplicated: event .* received 2 different messages/),
    expect.stringMatching(/^duplicated: notice .* has 2 rows for a@example.org on one channel$/),
  ]);
});
