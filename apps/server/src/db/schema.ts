/**
 * Drizzle mirror of the SQL migrations, for typed queries. The migrations are the source of truth for the
 * database; `schema-drift.db.test.ts` fails when this file and the migrated database disagree.
 */
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  geometry,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Multipolygons are written and read with PostGIS functions in SQL, never as drizzle values. */
const multiPolygon = customType<{ data: string }>({ dataType: () => 'geometry(MultiPolygon,4326)' });

const sync = {
  version: integer('version').notNull().default(1),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  deletedAt: tz('deleted_at'),
  changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(0),
};

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull().default(''),
  role: text('role').notNull(),
  language: text('language').notNull().default('en'),
  status: text('status').notNull().default('invited'),
  passwordHash: text('password_hash'),
  scopeAreaIds: uuid('scope_area_ids').array().notNull().default([]),
  scopeSchoolIds: uuid('scope_school_ids').array().notNull().default([]),
  lastLoginAt: tz('last_login_at'),
  phone: text('phone'),
  channels: text('channels').array().notNull().default(['email']),
  ...sync,
});

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  acceptedAt: tz('accepted_at'),
});

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastUsedAt: tz('last_used_at'),
  expiresAt: tz('expires_at'),
  revokedAt: tz('revoked_at'),
});

export const loginFailures = pgTable('login_failures', {
  key: text('key').notNull(),
  at: tz('at').notNull().defaultNow(),
});

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey(),
  at: tz('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  beforeVersion: integer('before_version'),
  afterVersion: integer('after_version'),
  requestId: text('request_id'),
  details: jsonb('details').notNull().default({}),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] })],
);

export const areas = pgTable('areas', {
  id: uuid('id').primaryKey(),
  parentId: uuid('parent_id'),
  level: text('level').notNull(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
  codes: jsonb('codes').$type<Record<string, string>>().notNull().default({}),
  path: uuid('path').array().notNull(),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  geom: multiPolygon('geom'),
  countryCode: text('country_code'),
  sourceImportId: uuid('source_import_id'),
  ...sync,
});

export const schools = pgTable('schools', {
  id: uuid('id').primaryKey(),
  code: text('code'),
  codeSystem: text('code_system'),
  name: text('name').notNull(),
  names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
  location: geometry('location', { type: 'point', mode: 'xy', srid: 4326 }),
  areaId: uuid('area_id'),
  areaPath: uuid('area_path').array().notNull().default([]),
  educationLevel: text('education_level'),
  management: text('management'),
  enrolmentGirls: integer('enrolment_girls'),
  enrolmentBoys: integer('enrolment_boys'),
  enrolmentTotal: integer('enrolment_total'),
  countryCode: text('country_code'),
  externalIds: jsonb('external_ids').$type<Record<string, string>>().notNull().default({}),
  educationLevels: text('education_levels').array().notNull().default([]),
  ruralUrban: text('rural_urban'),
  shifts: text('shifts').array().notNull().default([]),
  enrolmentOther: integer('enrolment_other'),
  enrolmentDisabledGirls: integer('enrolment_disabled_girls'),
  enrolmentDisabledBoys: integer('enrolment_disabled_boys'),
  teachersFemale: integer('teachers_female'),
  teachersMale: integer('teachers_male'),
  classrooms: integer('classrooms'),
  buildings: jsonb('buildings').$type<SchoolBuilding[]>().notNull().default([]),
  typology: text('typology'),
  water: text('water'),
  electricity: text('electricity'),
  village: text('village'),
  postcode: text('postcode'),
  headTeacher: jsonb('head_teacher').$type<Contact>(),
  safetyFocalPoint: jsonb('safety_focal_point').$type<Contact>(),
  declaredAreas: jsonb('declared_areas').$type<Record<string, string>>().notNull().default({}),
  placement: text('placement').notNull().default('unplaced'),
  sourceImportId: uuid('source_import_id'),
  ...sync,
});

export interface SchoolBuilding {
  typology?: string;
  storeys?: number;
  yearBuilt?: number;
  condition?: string;
}

export interface Contact {
  name?: string;
  phone?: string;
  email?: string;
}

export const schoolHistory = pgTable('school_history', {
  id: uuid('id').primaryKey(),
  schoolId: uuid('school_id').notNull(),
  version: integer('version').notNull(),
  changedAt: tz('changed_at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  importId: uuid('import_id'),
  changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
});

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export const imports = pgTable('imports', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  status: text('status').notNull().default('queued'),
  dryRun: boolean('dry_run').notNull().default(false),
  validRowsOnly: boolean('valid_rows_only').notNull().default(false),
  fileId: uuid('file_id'),
  fileName: text('file_name').notNull(),
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
  options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  counts: jsonb('counts').$type<ImportCounts>().notNull().default({ rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 }),
  progress: doublePrecision('progress'),
  message: text('message'),
  error: jsonb('error').$type<{ code: string; message: string }>(),
  jobId: uuid('job_id'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  finishedAt: tz('finished_at'),
  /** The server process running it (see `Database.instanceId`); interrupted when that process is gone. */
  instanceId: text('instance_id'),
  /** The file row of the last batch committed before an interruption; a resumed run writes the rows after it. */
  lastCommittedRow: integer('last_committed_row'),
});

export const importRowErrors = pgTable('import_row_errors', {
  importId: uuid('import_id').notNull(),
  rowNumber: integer('row_number').notNull(),
  columnName: text('column_name'),
  severity: text('severity').notNull(),
  code: text('code').notNull(),
  message: text('message').notNull(),
  value: text('value'),
});

export const registryReviews = pgTable('registry_reviews', {
  id: uuid('id').primaryKey(),
  schoolId: uuid('school_id'),
  areaId: uuid('area_id'),
  areaPath: uuid('area_path').array().notNull().default([]),
  importId: uuid('import_id'),
  kind: text('kind').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  status: text('status').notNull().default('open'),
  resolvedBy: uuid('resolved_by'),
  resolvedAt: tz('resolved_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  resolution: jsonb('resolution').$type<Record<string, unknown>>(),
});

/** Live schools per area on their paths, kept by statement triggers on `schools` (migration 0004). */
export const areaSchoolCounts = pgTable('area_school_counts', {
  areaId: uuid('area_id').primaryKey(),
  schools: bigint('schools', { mode: 'number' }).notNull().default(0),
  children: bigint('children', { mode: 'number' }).notNull().default(0),
  girls: bigint('girls', { mode: 'number' }).notNull().default(0),
  boys: bigint('boys', { mode: 'number' }).notNull().default(0),
  /** Live schools with that figure: the sums above cover these, not every school (migration 0010). */
  schoolsWithChildren: bigint('schools_with_children', { mode: 'number' }).notNull().default(0),
  schoolsWithGirls: bigint('schools_with_girls', { mode: 'number' }).notNull().default(0),
  schoolsWithBoys: bigint('schools_with_boys', { mode: 'number' }).notNull().default(0),
});

/** School clusters per grid cell for low-zoom tiles, kept by statement triggers on `schools` (migration 0008). */
export const schoolTileCells = pgTable(
  'school_tile_cells',
  {
    level: smallint('level').notNull(),
    cx: integer('cx').notNull(),
    cy: integer('cy').notNull(),
    areaPath: uuid('area_path').array().notNull(),
    schools: bigint('schools', { mode: 'number' }).notNull(),
    children: bigint('children', { mode: 'number' }).notNull(),
    sumX: doublePrecision('sum_x').notNull(),
    sumY: doublePrecision('sum_y').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.cx, t.cy, t.areaPath] })],
);

export const sdmPlans = pgTable('sdm_plans', {
  id: uuid('id').primaryKey(),
  schoolId: uuid('school_id').notNull(),
  areaPath: uuid('area_path').array().notNull().default([]),
  status: text('status').notNull().default('draft'),
  content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
  planVersion: integer('plan_version').notNull().default(1),
  submittedBy: uuid('submitted_by'),
  lastApprovedOn: date('last_approved_on', { mode: 'string' }),
  reviewDueOn: date('review_due_on', { mode: 'string' }),
  returnComments: text('return_comments'),
  sectionsNeedingUpdate: text('sections_needing_update').array().notNull().default([]),
  history: jsonb('history').$type<Record<string, unknown>[]>().notNull().default([]),
  ...sync,
});

export const sdmPlanVersions = pgTable(
  'sdm_plan_versions',
  {
    planId: uuid('plan_id').notNull(),
    planVersion: integer('plan_version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    approvedBy: uuid('approved_by'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.planVersion] })],
);

export const drills = pgTable('drills', {
  id: uuid('id').primaryKey(),
  schoolId: uuid('school_id').notNull(),
  areaPath: uuid('area_path').array().notNull().default([]),
  hazard: text('hazard').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  record: jsonb('record').$type<Record<string, unknown>>().notNull().default({}),
  startedAt: tz('started_at'),
  classroomsOutSeconds: integer('classrooms_out_seconds'),
  assemblyPointSeconds: integer('assembly_point_seconds'),
  headcountSeconds: integer('headcount_seconds'),
  metTargets: boolean('met_targets'),
  evaluation: jsonb('evaluation').$type<Record<string, unknown>>(),
  openActions: integer('open_actions').notNull().default(0),
  ...sync,
});

export const files = pgTable('files', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  ownerId: uuid('owner_id'),
  createdAt: tz('created_at').notNull().defaultNow(),
  deletedAt: tz('deleted_at'),
});

export const jobProgress = pgTable('job_progress', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  ownerId: uuid('owner_id'),
  state: text('state').notNull().default('queued'),
  progress: doublePrecision('progress'),
  message: text('message'),
  result: jsonb('result'),
  error: jsonb('error').$type<{ code: string; message: string }>(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  /** The server process running the current attempt (see `Database.instanceId`). */
  instanceId: text('instance_id'),
});

export const hazardEvents = pgTable('hazard_events', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  sourceKeys: text('source_keys').array().notNull().default([]),
  title: text('title').notNull(),
  status: text('status').notNull().default('actual'),
  hazardType: text('hazard_type'),
  severity: text('severity'),
  urgency: text('urgency'),
  certainty: text('certainty'),
  onset: tz('onset'),
  expires: tz('expires'),
  imt: text('imt').notNull(),
  bands: doublePrecision('bands').array().notNull().default([]),
  limitStates: text('limit_states').array().notNull().default([]),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  display: jsonb('display').$type<Record<string, unknown>>().notNull().default({}),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  warnings: jsonb('warnings').$type<{ code: string; message: string }[]>().notNull().default([]),
  fileId: uuid('file_id'),
  registrySeq: bigint('registry_seq', { mode: 'number' }).notNull().default(0),
  computedAt: tz('computed_at').notNull(),
  estimated: boolean('estimated').notNull().default(false),
  createdBy: uuid('created_by'),
  ...sync,
});

export const hazardEventSchools = pgTable(
  'hazard_event_schools',
  {
    eventId: uuid('event_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    districtId: uuid('district_id'),
    intensity: real('intensity').notNull(),
    band: smallint('band').notNull(),
    /** NULL when the registry had no such figure for the school (migration 0010). */
    girls: integer('girls'),
    boys: integer('boys'),
    children: integer('children'),
    damage: real('damage').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.schoolId] })],
);

export const hazardFeeds = pgTable('hazard_feeds', {
  id: uuid('id').primaryKey(),
  url: text('url').notNull(),
  name: text('name').notNull().default(''),
  enabled: boolean('enabled').notNull().default(true),
  lastPolledAt: tz('last_polled_at'),
  lastError: text('last_error'),
  seenEntries: text('seen_entries').array().notNull().default([]),
  kind: text('kind').notNull().default('auto'),
  lastSuccessAt: tz('last_success_at'),
  lastEntries: integer('last_entries'),
  errorCount: integer('error_count').notNull().default(0),
  source: text('source').notNull().default('config'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

// Alerting (migration 0012, docs/decisions/0006-alerting.md).
export const channelOptOuts = pgTable(
  'channel_opt_outs',
  {
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    source: text('source').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.address] })],
);

export const alertRules = pgTable('alert_rules', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  eventKinds: text('event_kinds').array().notNull().default([]),
  hazardTypes: text('hazard_types').array().notNull().default([]),
  statuses: text('statuses').array().notNull().default(['actual']),
  minSeverity: text('min_severity'),
  minUrgency: text('min_urgency'),
  minCertainty: text('min_certainty'),
  minBand: smallint('min_band'),
  minIntensity: real('min_intensity'),
  match: text('match').notNull().default('any'),
  audiences: text('audiences').array().notNull(),
  scopeAreaIds: uuid('scope_area_ids').array().notNull().default([]),
  scopeSchoolIds: uuid('scope_school_ids').array().notNull().default([]),
  builtIn: boolean('built_in').notNull().default(false),
  createdBy: uuid('created_by'),
  ...sync,
});

export const eventNotices = pgTable('event_notices', {
  id: uuid('id').primaryKey(),
  eventId: uuid('event_id').notNull(),
  kind: text('kind').notNull(),
  ruleId: uuid('rule_id'),
  contentKey: text('content_key').notNull(),
  messages: jsonb('messages').$type<Record<string, { subject: string; body: string }>>().notNull().default({}),
  state: text('state').notNull().default('pending'),
  recipients: integer('recipients').notNull().default(0),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const noticeSchools = pgTable(
  'notice_schools',
  {
    noticeId: uuid('notice_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    band: smallint('band').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.schoolId] })],
);

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  noticeId: uuid('notice_id').notNull(),
  eventId: uuid('event_id').notNull(),
  schoolId: uuid('school_id'),
  districtId: uuid('district_id'),
  recipientKey: text('recipient_key').notNull(),
  userId: uuid('user_id'),
  audience: text('audience').notNull(),
  band: smallint('band'),
  recipientName: text('recipient_name').notNull().default(''),
  language: text('language').notNull(),
  channel: text('channel').notNull(),
  channelRank: smallint('channel_rank').notNull().default(0),
  address: text('address').notNull(),
  subject: text('subject').notNull().default(''),
  body: text('body').notNull(),
  state: text('state').notNull().default('queued'),
  provider: text('provider'),
  providerMessageId: text('provider_message_id'),
  claimedBy: text('claimed_by'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: tz('next_attempt_at'),
  lastErrorCode: text('last_error_code'),
  lastError: text('last_error'),
  sentAt: tz('sent_at'),
  deliveredAt: tz('delivered_at'),
  failedAt: tz('failed_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const notificationAttempts = pgTable('notification_attempts', {
  id: uuid('id').primaryKey(),
  notificationId: uuid('notification_id').notNull(),
  at: tz('at').notNull().defaultNow(),
  provider: text('provider').notNull(),
  outcome: text('outcome').notNull(),
  providerMessageId: text('provider_message_id'),
  httpStatus: integer('http_status'),
  errorCode: text('error_code'),
  error: text('error'),
});

export const checkInLinks = pgTable('check_in_links', {
  tokenHash: text('token_hash').primaryKey(),
  eventId: uuid('event_id').notNull(),
  schoolId: uuid('school_id').notNull(),
  recipientKey: text('recipient_key').notNull(),
  notificationId: uuid('notification_id'),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
});

export const optOutLinks = pgTable('opt_out_links', {
  tokenHash: text('token_hash').primaryKey(),
  channel: text('channel').notNull(),
  address: text('address').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const checkIns = pgTable(
  'check_ins',
  {
    eventId: uuid('event_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    status: text('status').notNull(),
    studentsPresent: integer('students_present'),
    staffPresent: integer('staff_present'),
    injured: integer('injured'),
    missing: integer('missing'),
    schoolState: text('school_state'),
    note: text('note').notNull().default(''),
    via: text('via').notNull(),
    answeredBy: text('answered_by').notNull(),
    version: integer('version').notNull().default(1),
    answeredAt: tz('answered_at').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.schoolId] })],
);

export const instruments = pgTable(
  'instruments',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const assessments = pgTable('assessments', {
  id: uuid('id').primaryKey(),
  schoolId: uuid('school_id').notNull(),
  areaPath: uuid('area_path').array().notNull().default([]),
  instrumentId: text('instrument_id').notNull(),
  instrumentVersion: integer('instrument_version').notNull(),
  status: text('status').notNull().default('draft'),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
  report: jsonb('report').$type<Record<string, unknown>>(),
  overallScore: real('overall_score'),
  rating: text('rating'),
  foundationScore: real('foundation_score'),
  pillar1Score: real('pillar1_score'),
  pillar2Score: real('pillar2_score'),
  pillar3Score: real('pillar3_score'),
  hazardContext: jsonb('hazard_context').$type<Record<string, string>>().notNull().default({}),
  flagged: boolean('flagged').notNull().default(false),
  triagePriority: text('triage_priority'),
  triageReasons: jsonb('triage_reasons').$type<Record<string, unknown>[]>().notNull().default([]),
  submittedAt: tz('submitted_at'),
  submittedBy: uuid('submitted_by'),
  ...sync,
});

export const inspections = pgTable('inspections', {
  id: uuid('id').primaryKey(),
  schoolId: uuid('school_id').notNull(),
  areaPath: uuid('area_path').array().notNull().default([]),
  inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
  record: jsonb('record').$type<Record<string, unknown>>().notNull(),
  safetyLevel: text('safety_level').notNull(),
  intervention: text('intervention').notNull(),
  costClass: text('cost_class'),
  costMinInr: bigint('cost_min_inr', { mode: 'number' }),
  costMaxInr: bigint('cost_max_inr', { mode: 'number' }),
  riskReduction: real('risk_reduction'),
  createdBy: uuid('created_by'),
  ...sync,
});

export const trainingSessions = pgTable('training_sessions', {
  id: uuid('id').primaryKey(),
  schoolId: uuid('school_id').notNull(),
  areaPath: uuid('area_path').array().notNull().default([]),
  moduleId: text('module_id').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  audience: text('audience').notNull(),
  record: jsonb('record').$type<Record<string, unknown>>().notNull(),
  ...sync,
});

export const countrySettings = pgTable('country_settings', {
  countryCode: text('country_code').primaryKey(),
  defaultDrillIntervalMonths: integer('default_drill_interval_months').notNull().default(6),
  drillIntervalMonths: jsonb('drill_interval_months').$type<Record<string, number>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

// Password resets (migration 0013): only the token's SHA-256, one hour, single use.
export const passwordResets = pgTable('password_resets', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  usedAt: tz('used_at'),
});
