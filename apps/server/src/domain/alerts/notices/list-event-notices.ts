import { sql } from 'drizzle-orm';
import { listNoticesOfEvent, type NoticeListRow } from '../../../db/alerts/notices.repository.js';
import { findEvent } from '../../../db/events/events.repository.js';
import { schoolVisibleTo } from '../../../db/scope/scope-filter.js';
import { AppError } from '../../shared/app-error.js';
import { requirePermission, type Ctx } from '../../shared/context.js';

export interface NoticeListView {
  items: NoticeListRow[];
  cancelledUntold: boolean;
}

/**
 * An event's notices with their outbox counts over the schools in the caller's scope (officers' digests only
 * for those who see everything). A cancelled event with no notice says so: nobody had been told to cancel.
 */
export async function listEventNotices(ctx: Ctx, eventId: string, only?: string): Promise<NoticeListView> {
  const actor = requirePermission(ctx, 'alerts.send');
  const event = await findEvent(ctx.tx, eventId);
  if (!event) throw new AppError('NOT_FOUND');
  const items = await listNoticesOfEvent(ctx.database, ctx.tx, eventId, {
    school: schoolVisibleTo(actor.scope, sql`s.id`, sql`s.area_path`),
    digests: actor.scope.kind === 'all',
  });
  return {
    items: only ? items.filter((n) => n.id === only) : items,
    cancelledUntold: event.status === 'cancelled' && items.length === 0,
  };
}
