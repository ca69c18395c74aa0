import { scopeCoversSchool, type AlertAudience, type TextTemplate } from '@safeschools/domain';
import { affectedSchoolsOf } from '../../../db/alerts/recipients.repository.js';
import { findEvent, type EventRow } from '../../../db/events/events.repository.js';
import type { Language } from '../../../channels/channel.js';
import { AppError } from '../../shared/app-error.js';
import { requirePermission, type Actor, type Ctx } from '../../shared/context.js';
import type { EvaluateDeps } from '../evaluate-event-alerts.js';
import { findRecipients, type NoticeSchool, type RecipientSet } from '../find-recipients.js';

export interface NoticeRequest {
  audiences: AlertAudience[];
  messages: Partial<Record<Language, TextTemplate>>;
}

export interface NoticeAudience {
  actor: Actor;
  event: EventRow;
  schools: NoticeSchool[];
  found: RecipientSet;
}

/**
 * The people a manual notice reaches: the chosen audiences of the event's affected schools within the sender's
 * scope (a district officer tells only their own schools), with the sender's words where given.
 */
export async function noticeAudience(
  ctx: Ctx,
  deps: Pick<EvaluateDeps, 'config'>,
  eventId: string,
  request: NoticeRequest,
): Promise<NoticeAudience> {
  const actor = requirePermission(ctx, 'alerts.send');
  const event = await findEvent(ctx.tx, eventId);
  if (!event) throw new AppError('NOT_FOUND');
  const affected = await affectedSchoolsOf(ctx.database, ctx.tx, event.id);
  const schools = affected
    .filter((s) => scopeCoversSchool(actor.scope, s.school_id, s.area_path))
    .map((s) => ({ id: s.school_id, name: s.name, districtId: s.district_id, band: s.band, intensity: s.intensity }));
  const found = await findRecipients(ctx.database, ctx.tx, {
    kind: event.status === 'cancelled' ? 'cancel' : 'alert',
    schools,
    audiences: request.audiences,
    hazardType: event.hazardType,
    imt: event.imt,
    contactLanguage: deps.config.ALERT_CONTACT_LANGUAGE,
    custom: request.messages,
  });
  return { actor, event, schools, found };
}
