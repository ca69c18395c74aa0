import { checkInReplyStatus } from '@safeschools/domain';
import { findCheckIn, latestSchoolNotificationTo } from '../../db/check-ins/check-ins.repository.js';
import type { Ctx } from '../shared/context.js';
import type { AuditTrail } from '../shared/audit.js';
import { recordCheckIn } from './record-check-in.js';

export interface SmsCheckInReply {
  /** The sender's number, E.164. */
  from: string;
  text: string;
  channel: 'sms' | 'whatsapp';
  now: Date;
}

export interface SmsCheckInResult {
  recorded: boolean;
  eventId?: string;
  schoolId?: string;
  status?: string;
}

/**
 * An SMS (or WhatsApp) reply such as "SAFE", "HELP", "मदद" or "安全" recorded as the check-in of the school of
 * the latest message sent on that channel to that number about one school, of an event not cancelled. A reply
 * that is no check-in word (or is negated), or from a number nobody wrote to, records nothing. A reply changes
 * the school's status whatever it was (it cannot show a conflict); each change is audited. The reply's own text is not kept: it
 * could name a child, and the form's warning against that cannot be shown by SMS.
 */
export async function answerCheckInBySms(ctx: Ctx & { trail?: AuditTrail }, reply: SmsCheckInReply): Promise<SmsCheckInResult> {
  const status = checkInReplyStatus(reply.text);
  if (!status) return { recorded: false };
  const match = await latestSchoolNotificationTo(ctx.tx, reply.channel, reply.from);
  if (!match) return { recorded: false };
  // The reply changes the status; counts, the school's state and the note given earlier through the link stay.
  const before = await findCheckIn(ctx.tx, match.eventId, match.schoolId);
  const kept = before
    ? {
        studentsPresent: before.studentsPresent ?? undefined,
        staffPresent: before.staffPresent ?? undefined,
        injured: before.injured ?? undefined,
        missing: before.missing ?? undefined,
        schoolState: (before.schoolState ?? undefined) as 'open' | 'closed' | 'shelter' | undefined,
        note: before.note,
      }
    : {};
  await recordCheckIn(
    { ...ctx, now: reply.now },
    { eventId: match.eventId, schoolId: match.schoolId, recipientKey: match.recipientKey, via: 'sms', answer: { ...kept, status }, basedOn: 'latest' },
  );
  return { recorded: true, eventId: match.eventId, schoolId: match.schoolId, status };
}
