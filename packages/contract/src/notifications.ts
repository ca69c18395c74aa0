import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams } from './common.js';

export const NotificationState = z.enum(['waiting', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'opted_out', 'not_sent', 'skipped', 'cancelled']);
export type NotificationState = z.infer<typeof NotificationState>;
export const NotificationChannel = z.enum(['email', 'sms', 'whatsapp']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** One outbox row: one person, one channel, one notice. Addresses are adults' work contacts, shown only to senders. */
export const DeliveryLogItem = z
  .object({
    id: z.uuid(),
    noticeId: z.uuid(),
    noticeKind: z.enum(['alert', 'update', 'cancel', 'manual']),
    schoolId: z.uuid().nullable(),
    schoolName: z.string().nullable(),
    districtId: z.uuid().nullable(),
    districtName: z.string().nullable(),
    audience: z.string(),
    recipientName: z.string(),
    /** Null unless the reader may send alerts ('alerts.send'). */
    address: z.string().nullable(),
    language: z.enum(['en', 'hi', 'ja']),
    channel: NotificationChannel,
    channelRank: z.number().int(),
    state: NotificationState,
    attempts: z.number().int(),
    provider: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    sentAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    failedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'DeliveryLogItem' });
export type DeliveryLogItem = z.infer<typeof DeliveryLogItem>;

export const DeliveryLogQuery = z.object({
  status: NotificationState.optional(),
  channel: NotificationChannel.optional(),
  schoolId: z.uuid().optional(),
  /** Rows of schools (and officers) under this area. */
  areaId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const listEventNotifications = endpoint({
  id: 'listEventNotifications',
  method: 'GET',
  path: '/api/v1/events/:id/notifications',
  summary: "An event's delivery log: every outbox row within one's scope, in the order written (cursor-paged), filtered by state, channel, school or area",
  tag: 'alerts',
  params: IdParams,
  query: DeliveryLogQuery,
  response: z.object({ items: z.array(DeliveryLogItem), nextCursor: z.string().nullable() }),
  auth: 'user',
});

const StateCounts = z.record(z.string(), z.number().int());

export const DeliverySummary = z
  .object({
    /** Rows per state, over every channel. */
    total: StateCounts,
    /** Rows per channel, then per state. */
    byChannel: z.record(z.string(), StateCounts),
    /** Rows per district (null id: rows not tied to a district), then per state. */
    byDistrict: z.array(z.object({ districtId: z.uuid().nullable(), districtName: z.string().nullable(), counts: StateCounts })),
    /** True while rows are queued, sending or waiting for a fallback: the panel refreshes. */
    inFlight: z.boolean(),
  })
  .meta({ id: 'DeliverySummary' });
export type DeliverySummary = z.infer<typeof DeliverySummary>;

export const eventNotificationSummary = endpoint({
  id: 'eventNotificationSummary',
  method: 'GET',
  path: '/api/v1/events/:id/notifications/summary',
  summary: "Counts of an event's outbox rows within one's scope, by state × channel and by district",
  tag: 'alerts',
  params: IdParams,
  response: DeliverySummary,
  auth: 'user',
});

/** A message kept because no channel is configured: what would have been sent. */
export const OutboxItem = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    eventTitle: z.string(),
    channel: NotificationChannel,
    to: z.string(),
    recipientName: z.string(),
    language: z.enum(['en', 'hi', 'ja']),
    subject: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OutboxItem' });
export type OutboxItem = z.infer<typeof OutboxItem>;

export const listOutbox = endpoint({
  id: 'listOutbox',
  method: 'GET',
  path: '/api/v1/outbox',
  summary: 'Messages not sent because their channel is not configured (administrators), newest first',
  tag: 'alerts',
  query: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  response: z.object({ items: z.array(OutboxItem), nextCursor: z.string().nullable() }),
  auth: 'user',
});
