import type { OutboxItem } from '@safeschools/contract';
import { notSentPage } from '../../db/alerts/delivery-log.repository.js';
import { AppError } from '../shared/app-error.js';
import { requireActor, type Ctx } from '../shared/context.js';
import { decodePageCursor, encodePageCursor } from '../shared/cursor.js';

/**
 * The built-in outbox viewer: messages kept as `not_sent` because their channel is not configured, newest first,
 * so the whole loop can be tried on a laptop. Administrators only (it shows every recipient's address and text).
 */
export async function listOutbox(ctx: Ctx, query: { cursor?: string | undefined; limit: number }): Promise<{ items: OutboxItem[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  if (actor.role !== 'administrator') throw new AppError('FORBIDDEN', 'Only administrators read the outbox.');
  const rows = await notSentPage(ctx.database, query.cursor ? decodePageCursor(query.cursor) : null, query.limit);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventTitle: r.event_title,
      channel: r.channel as OutboxItem['channel'],
      to: r.address,
      recipientName: r.recipient_name,
      language: r.language as OutboxItem['language'],
      subject: r.subject,
      body: r.body,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: rows.length > query.limit ? encodePageCursor(page.at(-1)!.id) : null,
  };
}
