import { z } from 'zod';
import {
  alertAudiences,
  alertEventKinds,
  alertEventStatuses,
  capCertainties,
  capSeverities,
  capUrgencies,
} from '@safeschools/domain';
import { endpoint } from './endpoint.js';
import { IdParams, NoContent, SyncFields } from './common.js';
import { Language, ScopeView } from './auth.js';
import { ScopeInput } from './users.js';

/** Which events tell whom without anyone pressing a button (docs/decisions/0006-alerting.md). */

export const AlertAudience = z.enum(alertAudiences);
const Name = z.string().trim().min(1).max(200);

const RuleFields = {
  name: Name,
  enabled: z.boolean(),
  /** Empty: any kind. */
  eventKinds: z.array(z.enum(alertEventKinds)).max(alertEventKinds.length),
  /** Empty: any hazard; else words found in the event's hazard type ("cyclone", "flood"). */
  hazardTypes: z.array(z.string().trim().min(1).max(60)).max(30),
  /** `actual` by default; exercises are told only when listed. */
  statuses: z.array(z.enum(alertEventStatuses)).min(1).max(alertEventStatuses.length),
  minSeverity: z.enum(capSeverities).nullable(),
  minUrgency: z.enum(capUrgencies).nullable(),
  minCertainty: z.enum(capCertainties).nullable(),
  /** Band reached at the school (1 = the first threshold). */
  minBand: z.number().int().min(1).max(10).nullable(),
  /** In the event's measure (MMI, m/s, g). */
  minIntensity: z.number().min(0).max(1000).nullable(),
  /** 'any': the CAP or the band condition is enough; 'all': both. */
  match: z.enum(['any', 'all']),
  audiences: z.array(AlertAudience).min(1).max(alertAudiences.length),
};

/** How many people each audience has within the rule's scope now. */
export const RuleReach = z.object({
  focal_points: z.number().int(),
  head_teachers: z.number().int(),
  district_officers: z.number().int(),
  programme_staff: z.number().int(),
  total: z.number().int(),
});

export const AlertRule = z
  .object({
    ...SyncFields,
    ...RuleFields,
    /** Empty: every school (only those who see everything see such a rule). */
    scope: ScopeView,
    /** The rule every installation starts with; its name is shown translated while unchanged. */
    builtIn: z.boolean(),
    /** The built-in rule's name as shipped, so the web app can show it translated while unchanged. */
    nameUnchanged: z.boolean(),
  })
  .meta({ id: 'AlertRule' });

export const AlertRuleWithReach = z
  .object({
    rule: AlertRule,
    reach: RuleReach,
    /** RULE_REACHES_NOBODY when the rule would tell nobody today. */
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'AlertRuleWithReach' });

export const CreateAlertRuleBody = z.object({
  /** Client-made UUIDv7, so a retried creation is the same rule. */
  id: z.uuid().optional(),
  name: Name,
  enabled: z.boolean().default(true),
  eventKinds: RuleFields.eventKinds.default([]),
  hazardTypes: RuleFields.hazardTypes.default([]),
  statuses: RuleFields.statuses.default(['actual']),
  minSeverity: RuleFields.minSeverity.default(null),
  minUrgency: RuleFields.minUrgency.default(null),
  minCertainty: RuleFields.minCertainty.default(null),
  minBand: RuleFields.minBand.default(null),
  minIntensity: RuleFields.minIntensity.default(null),
  match: RuleFields.match.default('any'),
  audiences: RuleFields.audiences,
  scope: ScopeInput.default({ areaIds: [], schoolIds: [] }),
});

export const UpdateAlertRuleBody = z.object({
  /** The version this change was based on; a stale one is refused with VERSION_CONFLICT. */
  version: z.number().int(),
  name: Name.optional(),
  enabled: z.boolean().optional(),
  eventKinds: RuleFields.eventKinds.optional(),
  hazardTypes: RuleFields.hazardTypes.optional(),
  statuses: RuleFields.statuses.optional(),
  minSeverity: RuleFields.minSeverity.optional(),
  minUrgency: RuleFields.minUrgency.optional(),
  minCertainty: RuleFields.minCertainty.optional(),
  minBand: RuleFields.minBand.optional(),
  minIntensity: RuleFields.minIntensity.optional(),
  match: RuleFields.match.optional(),
  audiences: RuleFields.audiences.optional(),
  scope: ScopeInput.optional(),
});

export const DeleteAlertRuleQuery = z.object({ version: z.coerce.number().int() });

export const listAlertRules = endpoint({
  id: 'listAlertRules',
  method: 'GET',
  path: '/api/v1/alert-rules',
  summary: 'Alert rules within one\u2019s scope, with how many people each reaches now',
  tag: 'alerts',
  response: z.object({ items: z.array(AlertRuleWithReach) }),
  auth: 'user',
});
export const createAlertRule = endpoint({
  id: 'createAlertRule',
  method: 'POST',
  path: '/api/v1/alert-rules',
  summary: 'Add an alert rule',
  tag: 'alerts',
  body: CreateAlertRuleBody,
  response: AlertRuleWithReach,
  successStatus: 201,
  auth: 'user',
});
export const updateAlertRule = endpoint({
  id: 'updateAlertRule',
  method: 'PATCH',
  path: '/api/v1/alert-rules/:id',
  summary: 'Change an alert rule (turn it on or off, its conditions, audiences or scope)',
  tag: 'alerts',
  params: IdParams,
  body: UpdateAlertRuleBody,
  response: AlertRuleWithReach,
  auth: 'user',
});
export const deleteAlertRule = endpoint({
  id: 'deleteAlertRule',
  method: 'DELETE',
  path: '/api/v1/alert-rules/:id',
  summary: 'Remove an alert rule (kept for the record of the notices it sent)',
  tag: 'alerts',
  params: IdParams,
  query: DeleteAlertRuleQuery,
  response: NoContent,
  successStatus: 204,
  auth: 'user',
});

// Manual send from the event page.

const MessageText = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(5000),
  /** SMS and WhatsApp text; placeholders as in the body. */
  sms: z.string().trim().min(1).max(1000),
});

export const NoticeBody = z.object({
  audiences: z.array(AlertAudience).min(1).max(alertAudiences.length),
  /** The sender's own words per language; a language left out uses the built-in alert text. */
  messages: z.object({ en: MessageText.optional(), hi: MessageText.optional(), ja: MessageText.optional() }).default({}),
});

export const NoticePreview = z
  .object({
    /** People found, by the channel tried first and their language. */
    recipients: z.array(z.object({ channel: z.enum(['email', 'sms', 'whatsapp']), language: Language, count: z.number().int() })),
    people: z.number().int(),
    schools: z.number().int(),
    /** Channels of these people that are opted out (shown, not sent). */
    optedOut: z.number().int(),
    /** People with no address for any of their channels. */
    noAddress: z.number().int(),
    /** Channels with no adapter configured: their messages wait in the outbox viewer. */
    notConfigured: z.array(z.enum(['email', 'sms', 'whatsapp'])),
    /** The text each language starts from (placeholders {school} {hazard} {intensity} {action} {link}). */
    defaults: z.object({ en: MessageText, hi: MessageText, ja: MessageText }),
    /** SMS parts of each language's text as sent to the first school (Hindi and Japanese: 70 characters a part). */
    smsSegments: z.object({ en: z.number().int(), hi: z.number().int(), ja: z.number().int() }),
  })
  .meta({ id: 'NoticePreview' });

export const EventNotice = z
  .object({
    id: z.uuid(),
    kind: z.enum(['alert', 'update', 'cancel', 'manual']),
    ruleId: z.uuid().nullable(),
    ruleName: z.string().nullable(),
    ruleBuiltIn: z.boolean(),
    state: z.enum(['pending', 'queued']),
    recipients: z.number().int(),
    /** Schools in the viewer's scope this notice was about. */
    schools: z.number().int(),
    /** Outbox rows by state (queued, sent, delivered, failed, opted_out, not_sent …), within the viewer's scope. */
    counts: z.record(z.string(), z.number().int()),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'EventNotice' });

export const EventNoticeList = z.object({
  items: z.array(EventNotice),
  /** The event was cancelled and nobody had been told about it: no cancellation was sent. */
  cancelledUntold: z.boolean(),
});

export const previewEventNotice = endpoint({
  id: 'previewEventNotice',
  method: 'POST',
  path: '/api/v1/events/:id/notices/preview',
  summary: 'Who a notice about this event would reach, by channel and language, and its default texts',
  tag: 'alerts',
  params: IdParams,
  body: NoticeBody,
  response: NoticePreview,
  auth: 'user',
});
export const sendEventNotice = endpoint({
  id: 'sendEventNotice',
  method: 'POST',
  path: '/api/v1/events/:id/notices',
  summary: 'Tell the people of this event\u2019s schools (within one\u2019s scope) now',
  tag: 'alerts',
  params: IdParams,
  body: NoticeBody,
  response: EventNotice,
  successStatus: 201,
  auth: 'user',
});
export const listEventNotices = endpoint({
  id: 'listEventNotices',
  method: 'GET',
  path: '/api/v1/events/:id/notices',
  summary: 'The notices sent about this event, automatic and manual, with their delivery counts',
  tag: 'alerts',
  params: IdParams,
  response: EventNoticeList,
  auth: 'user',
});
