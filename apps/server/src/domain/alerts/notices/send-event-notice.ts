import { uuidv7 } from 'uuidv7';
import { AppError } from '../../shared/app-error.js';
import type { AuditTrail } from '../../shared/audit.js';
import type { Ctx } from '../../shared/context.js';
import { createNotice } from '../create-notice.js';
import type { EvaluateDeps } from '../evaluate-event-alerts.js';
import { fanOutNotice, type FanOutResult } from '../fan-out-notice.js';
import { noticeAudience, type NoticeRequest } from './notice-audience.js';

/**
 * A manual notice: written, audited and fanned out in the request's transaction (its outbox rows and delivery
 * jobs exist exactly when the request commits; the route's Idempotency-Key makes a retried send one notice).
 */
export async function sendEventNotice(
  ctx: Ctx & { trail?: AuditTrail },
  deps: EvaluateDeps,
  eventId: string,
  request: NoticeRequest,
): Promise<{ noticeId: string; result: FanOutResult }> {
  const { actor, event, found } = await noticeAudience(ctx, deps, eventId, request);
  if (found.recipients.length === 0) {
    throw new AppError(
      'NOTICE_REACHES_NOBODY',
      'Nobody of these audiences at this event\u2019s schools in your scope has an address to send to.',
    );
  }
  const id = uuidv7();
  const notice = await createNotice(ctx, {
    eventId: event.id,
    kind: 'manual',
    ruleId: null,
    contentKey: `manual:${id}`,
    createdBy: actor.via === 'system' ? null : actor.userId,
    messages: request.messages,
  });
  const result = await fanOutNotice(
    { ...deps, jobs: deps.jobs },
    { noticeId: notice.id, eventId: event.id, recipients: found.recipients, now: ctx.now },
    ctx.tx,
  );
  return { noticeId: notice.id, result };
}
