import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ChannelName, Channels } from '../channels/channel.js';
import type { Database } from '../db/database.js';
import { insertEvent, replaceEventSchools, updateEvent, type EventRow } from '../db/events/events.repository.js';
import type { EnqueueOptions, JobQueue } from '../jobs/job-queue.js';

/** A JobQueue that records what is enqueued (kind, payload, whether in a transaction) instead of running it. */
export function recordingJobs(): JobQueue & { enqueued: { kind: string; payload: unknown; inTx: boolean }[] } {
  const enqueued: { kind: string; payload: unknown; inTx: boolean }[] = [];
  return {
    enqueued,
    register: () => undefined,
    schedule: () => undefined,
    prepare: async () => undefined,
    start: async () => undefined,
    stop: async () => undefined,
    cancel: async () => undefined,
    rerun: async () => false,
    running: false,
    async enqueue<P>(kind: string, payload: P, options: EnqueueOptions) {
      enqueued.push({ kind, payload, inTx: options.tx !== undefined });
      return uuidv7();
    },
  };
}

/** Channels with an adapter for `configured` only (the adapters are never called by the fan-out). */
export function channelsFor(configured: readonly ChannelName[]): Pick<Channels, 'get'> {
  return {
    get: (channel) =>
      configured.includes(channel)
        ? { channel, provider: 'test', send: () => Promise.reject(new Error('not used')), close: async () => undefined }
        : null,
  };
}

export interface EventSchool {
  schoolId: string;
  band: number;
  intensity?: number;
  districtId?: string | null;
}

/** An event with the given affected schools, as ingestHazard writes it. */
export async function buildEvent(
  database: Database,
  input: { status?: string; severity?: string | null; hazardType?: string; kind?: string; imt?: string; schools: EventSchool[] },
): Promise<EventRow> {
  const event = await insertEvent(database.db, {
    id: uuidv7(),
    kind: input.kind ?? 'cap',
    title: 'Test event',
    status: input.status ?? 'actual',
    hazardType: input.hazardType ?? 'Earthquake',
    severity: input.severity === undefined ? 'Moderate' : input.severity,
    urgency: 'Immediate',
    certainty: 'Observed',
    imt: input.imt ?? 'MMI',
    bands: [5, 6, 7, 8],
    computedAt: new Date(),
  });
  await setEventSchools(database, event.id, input.schools);
  return event;
}

export async function setEventSchools(database: Database, eventId: string, schools: EventSchool[]): Promise<void> {
  await replaceEventSchools(database.db, eventId, {
    schoolIds: schools.map((s) => s.schoolId),
    districtIds: schools.map((s) => s.districtId ?? null),
    intensity: schools.map((s) => s.intensity ?? 4 + s.band),
    band: schools.map((s) => s.band),
    girls: schools.map(() => null),
    boys: schools.map(() => null),
    children: schools.map(() => null),
    damage: schools.map(() => '{}'),
  });
}

/** An update of the event (a new version) with new affected schools, or a cancel. */
export async function changeEvent(
  database: Database,
  eventId: string,
  change: { schools?: EventSchool[]; status?: string },
): Promise<EventRow> {
  const event = await updateEvent(database.db, eventId, change.status ? { status: change.status } : {});
  if (change.schools) await setEventSchools(database, eventId, change.schools);
  return event;
}

export async function setContacts(
  database: Database,
  schoolId: string,
  contacts: { focal?: object | null; head?: object | null },
): Promise<void> {
  await database.db.execute(
    sql`UPDATE schools SET safety_focal_point = ${contacts.focal ? JSON.stringify(contacts.focal) : null}::jsonb,
                           head_teacher = ${contacts.head ? JSON.stringify(contacts.head) : null}::jsonb WHERE id = ${schoolId}`,
  );
}

export async function setPerson(
  database: Database,
  userId: string,
  person: { language?: string; phone?: string | null; channels?: string[] },
): Promise<void> {
  await database.db.execute(
    sql`UPDATE users SET language = coalesce(${person.language ?? null}, language), phone = ${person.phone ?? null},
                         channels = coalesce(${person.channels ? `{${person.channels.join(',')}}` : null}::text[], channels) WHERE id = ${userId}`,
  );
}

export interface OutboxView extends Record<string, unknown> {
  content_key: string;
  recipient_key: string;
  school_id: string | null;
  audience: string;
  language: string;
  channel: string;
  channel_rank: number;
  state: string;
  address: string;
  band: number | null;
  subject: string;
  body: string;
}

export async function outboxOf(database: Database, eventId: string): Promise<OutboxView[]> {
  return database.rows<OutboxView>(
    sql`SELECT e.content_key, n.recipient_key, n.school_id, n.audience, n.language, n.channel, n.channel_rank, n.state, n.address, n.band, n.subject, n.body
        FROM notifications n JOIN event_notices e ON e.id = n.notice_id WHERE n.event_id = ${eventId}
        ORDER BY e.created_at, n.recipient_key, n.channel_rank`,
  );
}
