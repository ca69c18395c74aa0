import type { ReportBuilder } from './fault-report.js';
import type { Query } from './scenario-database.js';

/** One message the SMTP sink received: to whom (envelope), and its Message-ID header as sent. */
export interface ReceivedMail {
  to: string;
  messageId: string | undefined;
}

/** Outbox states from which a row will still be sent (or is being sent): none may be left in the end. */
const UNFINISHED = ['waiting', 'queued', 'sending'];

interface OutboxRow extends Record<string, unknown> {
  id: string;
  notice_id: string;
  event_id: string;
  address: string;
  state: string;
  attempts: number;
}

interface NoticeRow extends Record<string, unknown> {
  id: string;
  event_id: string;
  content_key: string;
  state: string;
  recipients: number;
}

/** `<notification id@domain>` → the notification id, when the Message-ID is one the SMTP adapter makes. */
export function notificationIdOf(messageId: string | undefined, domain: string): string | null {
  const m = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@([^>]+)>$/i.exec(messageId?.trim() ?? '');
  return m && m[2]!.toLowerCase() === domain.toLowerCase() ? m[1]!.toLowerCase() : null;
}

/**
 * Who must have been told, worked out from the registry and the impact, not from the alerting code: for each event,
 * every school it reaches × the e-mail addresses of that school's registry contacts (focal point, head teacher) and
 * of its active focal-point users. Every event of the scenario is an actual CAP alert of severity Extreme, which
 * the built-in rule always matches, so every school it reaches is told.
 */
export async function expectedRecipients(q: Query): Promise<Map<string, Set<string>>> {
  const rows = await q<{ event_id: string; address: string }>(
    `SELECT DISTINCT h.event_id::text AS event_id, lower(x.email) AS address
       FROM hazard_event_schools h JOIN schools s ON s.id = h.school_id AND s.deleted_at IS NULL
       CROSS JOIN LATERAL (VALUES (s.safety_focal_point->>'email'), (s.head_teacher->>'email')) AS x(email)
      WHERE x.email IS NOT NULL
     UNION
     SELECT DISTINCT h.event_id::text, lower(u.email)
       FROM hazard_event_schools h JOIN users u ON h.school_id = ANY(u.scope_school_ids)
      WHERE u.role = 'school_focal_point' AND u.status = 'active' AND u.deleted_at IS NULL`,
  );
  const byEvent = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byEvent.get(r.event_id) ?? new Set<string>();
    set.add(r.address);
    byEvent.set(r.event_id, set);
  }
  return byEvent;
}

/**
 * The end of the alerts scenario, read from the database and the sink: every expected recipient of every event has
 * an outbox row (else lost), in a final state (else left unfinished), whose message the sink received (a row sent
 * or delivered with no mail is lost); one notice per event, fanned out to the end (`queued`, its recipient count
 * the expected one); no recipient got two different messages (two Message-IDs) about one notice, nor a message no
 * row accounts for; nobody outside the affected schools was written to. Raw copies of one Message-ID (a send
 * repeated after a kill in the window between the SMTP answer and the commit) are one message to the reader: noted.
 */
export async function checkAlertsAtTheEnd(
  q: Query,
  report: ReportBuilder,
  mails: readonly ReceivedMail[],
  domain: string,
): Promise<{ events: number; recipients: number; copies: number }> {
  const expected = await expectedRecipients(q);
  const events = await q<{ id: string }>('SELECT id::text AS id FROM hazard_events ORDER BY id');
  const notices = await q<NoticeRow>(
    'SELECT id::text AS id, event_id::text AS event_id, content_key, state, recipients::int AS recipients FROM event_notices',
  );
  const rows = await q<OutboxRow>(
    `SELECT id::text AS id, notice_id::text AS notice_id, event_id::text AS event_id, lower(address) AS address, state,
            attempts::int AS attempts
       FROM notifications WHERE channel = 'email'`,
  );
  const interrupted = await q<{ n: number }>(
    "SELECT count(*)::int AS n FROM job_progress WHERE kind = 'alerts.evaluate' AND state = 'interrupted'",
  );
  const evaluationsInterrupted = interrupted[0]?.n ?? 0;
  const why = evaluationsInterrupted
    ? ` (${evaluationsInterrupted} alerts.evaluate job(s) were marked interrupted after a kill, and so not run again)`
    : '';

  const rowById = new Map(rows.map((r) => [r.id, r]));
  const rowsOf = new Map<string, OutboxRow[]>();
  for (const r of rows) {
    const key = `${r.event_id} ${r.address}`;
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), r]);
  }
  /** Mails per recipient address: notification id (or null: not one of ours) per copy. */
  const mailsTo = new Map<string, (string | null)[]>();
  for (const m of mails) {
    const to = m.to.toLowerCase();
    mailsTo.set(to, [...(mailsTo.get(to) ?? []), notificationIdOf(m.messageId, domain)]);
  }

  // Each event: one notice per content, fanned out to the end, to as many people as are expected.
  for (const event of events) {
    const want = expected.get(event.id)?.size ?? 0;
    const own = notices.filter((n) => n.event_id === event.id);
    report.checked += 1;
    if (want > 0 && own.length === 0) {
      report.problem('lost', `event ${event.id}: ${want} people should have been told, and it has no notice${why}`, want);
      continue;
    }
    for (const n of own) {
      report.check(1, n.state === 'queued', 'half-written', () => `notice ${n.id} (${n.content_key}) of event ${event.id} is left ${n.state}: its fan-out never finished${why}`);
      report.check(
        1,
        n.state !== 'queued' || n.recipients === want,
        'half-written',
        () => `notice ${n.id} of event ${event.id} says ${n.recipients} recipients; ${want} are expected`,
      );
    }
  }

  // Each expected recipient of each event: its row, in a final state, and its message received once.
  let copies = 0;
  let recipients = 0;
  for (const [eventId, addresses] of expected) {
    for (const address of addresses) {
      recipients += 1;
      const own = rowsOf.get(`${eventId} ${address}`) ?? [];
      report.checked += 1;
      if (own.length === 0) {
        report.problem('lost', `event ${eventId}: ${address} has no outbox row${why}`);
        continue;
      }
      if (own.length > 1) {
        const perNotice = new Map<string, number>();
        for (const r of own) perNotice.set(r.notice_id, (perNotice.get(r.notice_id) ?? 0) + 1);
        for (const [notice, count] of perNotice)
          if (count > 1) report.problem('duplicated', `notice ${notice}: ${address} has ${count} outbox rows`, count - 1);
        if (perNotice.size > 1)
          report.problem('duplicated', `event ${eventId}: ${address} was written by ${perNotice.size} notices of the same content`, perNotice.size - 1);
      }
      const got = mailsTo.get(address) ?? [];
      const ids = new Set(own.map((r) => r.id));
      const received = got.filter((id) => id !== null && ids.has(id));
      for (const r of own) {
        report.checked += 1;
        const copiesOfRow = received.filter((id) => id === r.id).length;
        if (UNFINISHED.includes(r.state)) {
          report.problem('other', `notification ${r.id} (event ${eventId}, ${address}) is left ${r.state} after ${r.attempts} attempt(s)`);
        } else if (copiesOfRow === 0) {
          report.problem('lost', `notification ${r.id} (event ${eventId}, ${address}) is ${r.state}, and no mail with its Message-ID reached the SMTP server`);
        }
        if (copiesOfRow > 1) copies += copiesOfRow - 1;
      }
      const distinct = new Set(received);
      report.check(
        received.length,
        distinct.size <= 1,
        'duplicated',
        () => `event ${eventId}: ${address} received ${distinct.size} different messages (Message-IDs ${[...distinct].join(', ')})`,
        Math.max(1, distinct.size - 1),
      );
    }
  }

  // Nobody else: rows for people not expected, mails with a Message-ID no row has, duplicate rows.
  for (const r of rows) {
    if (!expected.get(r.event_id)?.has(r.address))
      report.problem('other', `notification ${r.id}: ${r.address} was written for event ${r.event_id}, whose schools they are not of`);
  }
  for (const [address, got] of mailsTo) {
    const strangers = got.filter((id) => id !== null && !rowById.has(id)).length;
    report.check(got.length, strangers === 0, 'duplicated', () => `${address} received ${strangers} alert mail(s) that no outbox row accounts for`, strangers);
  }
  const doubles = await q<{ notice_id: string; address: string; n: number }>(
    `SELECT notice_id::text AS notice_id, lower(address) AS address, count(*)::int AS n FROM notifications
      GROUP BY notice_id, lower(address), channel HAVING count(*) > 1`,
  );
  for (const d of doubles) report.problem('duplicated', `notice ${d.notice_id} has ${d.n} rows for ${d.address} on one channel`, d.n - 1);
  // For the reader of a failure: whether the minutely due sweep (which re-queues rows a dead server left sending) ran.
  const [boss] = await q<{ exists: boolean }>("SELECT to_regclass('pgboss.job') IS NOT NULL AS exists");
  if (boss?.exists && rows.some((r) => UNFINISHED.includes(r.state))) {
    const sweeps = await q<{ state: string; n: number }>(
      "SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = 'alerts.deliver-due' GROUP BY state ORDER BY state",
    );
    report.note(`alerts.deliver-due jobs in pg-boss by state: ${sweeps.map((s) => `${s.state} ${s.n}`).join(', ') || 'none'}`);
  }
  if (copies > 0)
    report.note(
      `${copies} raw second cop(ies) of a message reached the SMTP server with the same Message-ID (a send repeated after a kill between the server's answer and the commit): one message to the reader's mail client`,
    );
  return { events: events.length, recipients, copies };
}

/** What a killed server left, for the log: notices by state and outbox rows by state. */
export async function readAlertsAtKill(q: Query): Promise<{ notices: Record<string, number>; rows: Record<string, number> }> {
  const count = async (sql: string) =>
    Object.fromEntries((await q<{ state: string; n: number }>(sql)).map((r) => [r.state, r.n])) as Record<string, number>;
  return {
    notices: await count('SELECT state, count(*)::int AS n FROM event_notices GROUP BY state'),
    rows: await count('SELECT state, count(*)::int AS n FROM notifications GROUP BY state'),
  };
}
