import { uuidv7 } from 'uuidv7';
import { findNotice, insertNotice, type NoticeRow } from '../../db/alerts/notices.repository.js';
import { audit, type AuditTrail } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';

/**
 * Writes a notice (pending) and its audit row in one transaction; a concurrent writer of the same content key
 * wins and its notice is returned, so the fan-out that follows resumes it instead of starting another.
 */
export async function createNotice(
  ctx: Ctx & { trail?: AuditTrail },
  input: {
    eventId: string;
    kind: 'alert' | 'update' | 'cancel' | 'manual';
    ruleId: string | null;
    contentKey: string;
    createdBy: string | null;
    messages: NoticeRow['messages'];
  },
): Promise<NoticeRow> {
  const write = async (c: Ctx & { trail?: AuditTrail }) => {
    const row = await insertNotice(c.tx, { id: uuidv7(), ...input, state: 'pending' });
    if (!row) return (await findNotice(c.tx, input.eventId, input.contentKey))!;
    await audit(c, {
      action: 'alert.notice',
      entity: 'event_notice',
      entityId: row.id,
      details: { eventId: input.eventId, kind: input.kind, ruleId: input.ruleId, contentKey: input.contentKey },
    });
    return row;
  };
  if (ctx.tx !== ctx.database.db) return write(ctx);
  return ctx.database.db.transaction((tx) => write({ ...ctx, tx }));
}
