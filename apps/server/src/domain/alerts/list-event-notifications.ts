import { can } from '@safeschools/domain';
import type { DeliveryLogItem, DeliverySummary } from '@safeschools/contract';
import { deliveryCounts, deliveryLogPage, eventExists, type DeliveryLogFilter } from '../../db/alerts/delivery-log.repository.js';
import { AppError } from '../shared/app-error.js';
import { requireActor, type Ctx } from '../shared/context.js';
import { decodePageCursor, encodePageCursor } from '../shared/cursor.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * An event's delivery log within the reader's scope, in the order rows were written (UUIDv7 ids: a page boundary
 * never skips or repeats rows written in the same instant). Addresses only for those who may send alerts.
 */
export async function listEventNotifications(
  ctx: Ctx,
  eventId: string,
  query: DeliveryLogFilter & { cursor?: string | undefined; limit: number },
): Promise<{ items: DeliveryLogItem[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  if (!(await eventExists(ctx.database, eventId))) throw new AppError('NOT_FOUND');
  const rows = await deliveryLogPage(ctx.database, {
    eventId,
    scope: actor.scope,
    userId: actor.userId,
    filter: query,
    afterId: query.cursor ? decodePageCursor(query.cursor) : null,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const showAddress = can(actor.role, 'alerts.send');
  return {
    items: page.map((r) => ({
      id: r.id,
      noticeId: r.notice_id,
      noticeKind: r.notice_kind as DeliveryLogItem['noticeKind'],
      schoolId: r.school_id,
      schoolName: r.school_name,
      districtId: r.district_id,
      districtName: r.district_name,
      audience: r.audience,
      recipientName: r.recipient_name,
      address: showAddress ? r.address : null,
      language: r.language as DeliveryLogItem['language'],
      channel: r.channel as DeliveryLogItem['channel'],
      channelRank: r.channel_rank,
      state: r.state as DeliveryLogItem['state'],
      attempts: r.attempts,
      provider: r.provider,
      lastErrorCode: r.last_error_code,
      nextAttemptAt: iso(r.next_attempt_at),
      sentAt: iso(r.sent_at),
      deliveredAt: iso(r.delivered_at),
      failedAt: iso(r.failed_at),
      createdAt: iso(r.created_at)!,
    })),
    nextCursor: rows.length > query.limit ? encodePageCursor(page.at(-1)!.id) : null,
  };
}

const inFlightStates = new Set(['queued', 'sending', 'waiting']);

/** Counts of the event's outbox rows within the reader's scope: per state, per channel, per district. */
export async function summariseEventNotifications(ctx: Ctx, eventId: string): Promise<DeliverySummary> {
  const actor = requireActor(ctx);
  if (!(await eventExists(ctx.database, eventId))) throw new AppError('NOT_FOUND');
  const rows = await deliveryCounts(ctx.database, { eventId, scope: actor.scope, userId: actor.userId });
  const total: Record<string, number> = {};
  const byChannel: Record<string, Record<string, number>> = {};
  const districts = new Map<string, DeliverySummary['byDistrict'][number]>();
  for (const r of rows) {
    total[r.state] = (total[r.state] ?? 0) + r.n;
    const channel = (byChannel[r.channel] ??= {});
    channel[r.state] = (channel[r.state] ?? 0) + r.n;
    const key = r.district_id ?? '';
    const district = districts.get(key) ?? { districtId: r.district_id, districtName: r.district_name, counts: {} };
    district.counts[r.state] = (district.counts[r.state] ?? 0) + r.n;
    districts.set(key, district);
  }
  const byDistrict = [...districts.values()].sort((a, b) => (a.districtName ?? '\uffff').localeCompare(b.districtName ?? '\uffff'));
  return { total, byChannel, byDistrict, inFlight: rows.some((r) => inFlightStates.has(r.state) && r.n > 0) };
}
