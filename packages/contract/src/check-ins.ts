import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams } from './common.js';

/** How a school is, as its focal point or head teacher answered. */
export const CheckInStatus = z.enum(['all_safe', 'some_injured', 'building_damaged', 'need_help']);
export type CheckInStatus = z.infer<typeof CheckInStatus>;
export const SchoolState = z.enum(['open', 'closed', 'shelter']);

/** A count someone gave. Absent means "not given", which is stored and shown as unknown (null), never 0. */
const Count = z.number().int().min(0).max(100_000);

/** The check-in link's token as it appears in `PUBLIC_URL/c/<token>` (base64url, 256 bits). */
export const CheckInTokenParams = z.object({ token: z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/) });

/** A school's answer. Counts are null when not given (unknown, not 0). */
export const CheckInAnswer = z
  .object({
    status: CheckInStatus,
    studentsPresent: z.number().int().nullable(),
    staffPresent: z.number().int().nullable(),
    injured: z.number().int().nullable(),
    missing: z.number().int().nullable(),
    schoolState: SchoolState.nullable(),
    note: z.string(),
    via: z.enum(['link', 'sms']),
    version: z.number().int(),
    answeredAt: z.iso.datetime(),
  })
  .meta({ id: 'CheckInAnswer' });

/** What a check-in link shows: only the school's name and the event's title, and the school's current answer. */
export const CheckInView = z
  .object({
    schoolName: z.string(),
    eventTitle: z.string(),
    language: z.enum(['en', 'hi', 'ja']),
    expiresAt: z.iso.datetime(),
    answer: CheckInAnswer.nullable(),
  })
  .meta({ id: 'CheckInView' });

/**
 * An answer through a check-in link. The school is the link's, never the body's. To change an earlier answer,
 * send the `version` you saw: when someone else from the school answered in between, the answer is refused with
 * 409 VERSION_CONFLICT so a later "all safe" never silently erases a colleague's "need help"; read it and send again.
 */
export const CheckInInput = z
  .object({
    status: CheckInStatus,
    studentsPresent: Count.optional(),
    staffPresent: Count.optional(),
    injured: Count.optional(),
    missing: Count.optional(),
    schoolState: SchoolState.optional(),
    /** A short note for the district office. Numbers only about children: never write a child's name here. */
    note: z.string().trim().max(500).optional(),
    /** The version of the answer being changed; leave out for the school's first answer. */
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: 'CheckInInput' });

export const getCheckIn = endpoint({
  id: 'getCheckIn',
  method: 'GET',
  path: '/api/v1/check-ins/:token',
  summary: "A check-in link: the school's name, the event's title and the school's current answer (no sign-in; the token is the credential)",
  tag: 'check-ins',
  params: CheckInTokenParams,
  response: CheckInView,
  auth: 'public',
});

export const answerCheckIn = endpoint({
  id: 'answerCheckIn',
  method: 'POST',
  path: '/api/v1/check-ins/:token',
  summary: "Answer (or change the answer) for the link's school: status, counts, school state, a short note",
  tag: 'check-ins',
  params: CheckInTokenParams,
  body: CheckInInput,
  response: CheckInView,
  auth: 'public',
});

/** A phone number of an adult to call about a school that has not answered (work contacts from the registry and users). */
export const FollowUpContact = z.object({
  role: z.enum(['focal_point', 'head_teacher']),
  name: z.string(),
  phone: z.string(),
});

export const SchoolCheckIn = z.object({
  schoolId: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  districtId: z.uuid().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  band: z.number().int(),
  /** When the first message about this event concerning this school was written; null: nobody was told. */
  toldAt: z.iso.datetime().nullable(),
  /** Whether at least one of its messages was delivered (or read). */
  delivered: z.boolean(),
  answer: CheckInAnswer.nullable(),
});

export const CheckInTotals = z.object({
  affected: z.number().int(),
  told: z.number().int(),
  delivered: z.number().int(),
  answered: z.number().int(),
  byStatus: z.object({ all_safe: z.number().int(), some_injured: z.number().int(), building_damaged: z.number().int(), need_help: z.number().int() }),
  silent: z.number().int(),
});

export const SilentSchool = z.object({
  schoolId: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  toldAt: z.iso.datetime(),
  /** Only for callers who may send alerts (`alerts.send`); empty otherwise. */
  contacts: z.array(FollowUpContact),
});

export const EventCheckIns = z
  .object({
    silentMinutes: z.number().int(),
    totals: CheckInTotals,
    /** Affected schools within your scope, strongest band first. */
    schools: z.array(SchoolCheckIn),
    /** Affected schools told more than `silentMinutes` ago that have not answered: call them. */
    silent: z.array(SilentSchool),
  })
  .meta({ id: 'EventCheckIns' });

export const EventCheckInsQuery = z.object({
  silentMinutes: z.coerce.number().int().min(0).max(10_080).default(30),
});

export const listEventCheckIns = endpoint({
  id: 'listEventCheckIns',
  method: 'GET',
  path: '/api/v1/events/:id/check-ins',
  summary: 'Per affected school in your scope: told, delivered, answered and the answer; totals; the schools still silent',
  tag: 'check-ins',
  params: IdParams,
  query: EventCheckInsQuery,
  response: EventCheckIns,
  auth: 'user',
});
