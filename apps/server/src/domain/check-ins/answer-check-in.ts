import type { Ctx } from '../shared/context.js';
import type { AuditTrail } from '../shared/audit.js';
import { languageOf, type CheckInView } from './check-in-view.js';
import { recordCheckIn, type CheckInAnswerInput } from './record-check-in.js';
import { resolveCheckInLink } from './resolve-check-in-link.js';

/**
 * An answer through a check-in link, for the link's school and event only. `version` is the answer the person
 * saw (none for the first): a colleague's answer in between is a VERSION_CONFLICT, not silently overwritten.
 */
export async function answerCheckIn(
  ctx: Ctx & { trail?: AuditTrail },
  token: string,
  input: CheckInAnswerInput & { version?: number | undefined },
): Promise<CheckInView> {
  const link = await resolveCheckInLink(ctx, token);
  const { version, ...answer } = input;
  const row = await recordCheckIn(ctx, {
    eventId: link.eventId,
    schoolId: link.schoolId,
    recipientKey: link.recipientKey,
    via: 'link',
    answer,
    basedOn: { version: version ?? null },
  });
  return { link, language: languageOf(link.language), answer: row };
}
