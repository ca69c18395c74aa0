import type { Scope } from '@safeschools/domain';
import { totalsByEvent } from '../../db/events/event-impact.repository.js';
import { findEvent, listEventRows, maxEventChangeSeq, type EventRow } from '../../db/events/events.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodeSyncCursor, encodeSyncCursor } from '../shared/cursor.js';
import type { ImpactTotals } from './assess-impact.js';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';
import { totalsFrom, type EventView } from './present-event.js';
import { scopedEventFacts } from './scoped-event-facts.js';

/**
 * Totals as the caller may see them. Someone who sees everything gets the stored totals; anyone scoped to
 * areas or schools gets them re-counted over the affected schools inside their scope, and details and warnings
 * without the registry's national counts.
 */
export async function viewsOf(ctx: Ctx, scope: Scope, rows: EventRow[]): Promise<EventView[]> {
  if (scope.kind === 'all') {
    return rows.map((row) => ({ row, totals: row.summary as unknown as ImpactTotals, ...scopedEventFacts(row, scope) }));
  }
  const agg = new Map((await totalsByEvent(ctx.database, ctx.tx, scope, rows.map((r) => r.id))).map((a) => [a.key, a]));
  return rows.map((row) => {
    const totals = totalsFrom(agg.get(row.id), row.limitStates.length);
    return { row, totals, ...scopedEventFacts(row, scope) };
  });
}

export async function listEvents(ctx: Ctx, query: { kind?: string; status?: string; cursor?: string; since?: string; limit: number }) {
  const actor = requirePermission(ctx, 'events.read');
  const filter = { limit: query.limit, ...(query.kind ? { kind: query.kind } : {}), ...(query.status ? { status: query.status } : {}) };
  if (query.since !== undefined) {
    const since = decodeSyncCursor(query.since);
    const rows = await listEventRows(ctx.tx, { ...filter, sinceSeq: since });
    const last = rows.at(-1)?.changeSeq ?? since;
    return { items: await viewsOf(ctx, actor.scope, rows), nextCursor: rows.length === query.limit ? encodeSyncCursor(last) : null, syncCursor: encodeSyncCursor(last) };
  }
  const tableSeq = await maxEventChangeSeq(ctx.tx);
  const rows = await listEventRows(ctx.tx, { ...filter, ...(query.cursor ? { after: decodeEventCursor(query.cursor) } : {}) });
  const last = rows.at(-1);
  return {
    items: await viewsOf(ctx, actor.scope, rows),
    nextCursor: rows.length === query.limit && last ? encodeEventCursor(last.createdAt, last.id) : null,
    syncCursor: encodeSyncCursor(tableSeq),
  };
}

export async function getEvent(ctx: Ctx, id: string): Promise<EventView> {
  const actor = requirePermission(ctx, 'events.read');
  const row = await findEvent(ctx.tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [view] = await viewsOf(ctx, actor.scope, [row]);
  return view!;
}
