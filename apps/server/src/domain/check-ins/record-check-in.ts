import { findCheckIn, insertCheckIn, updateCheckIn, type CheckInRow } from '../../db/check-ins/check-ins.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { AuditTrail } from '../shared/audit.js';

export type CheckInStatus = 'all_safe' | 'some_injured' | 'building_damaged' | 'need_help';

/** What someone at a school answered. Counts left out are unknown (stored null), never 0. */
export interface CheckInAnswerInput {
  status: CheckInStatus;
  studentsPresent?: number | undefined;
  staffPresent?: number | undefined;
  injured?: number | undefined;
  missing?: number | undefined;
  schoolState?: 'open' | 'closed' | 'shelter' | undefined;
  note?: string | undefined;
}

export interface RecordCheckIn {
  eventId: string;
  schoolId: string;
  recipientKey: string;
  via: 'link' | 'sms';
  answer: CheckInAnswerInput;
  /**
   * `{ version }` changes the answer only if it is still the one the person saw (none: they saw no answer), else
   * VERSION_CONFLICT; `'latest'` replaces whatever is there (an SMS reply, which cannot show a conflict).
   */
  basedOn: { version: number | null } | 'latest';
}

/**
 * Writes a school's answer to an event in place (version + 1) and audits each change with no actor (the link or
 * the phone number is the credential) and `{via, recipientKey}`.
 */
export async function recordCheckIn(ctx: Ctx & { trail?: AuditTrail }, input: RecordCheckIn): Promise<CheckInRow> {
  const { answer } = input;
  const values = {
    status: answer.status,
    studentsPresent: answer.studentsPresent ?? null,
    staffPresent: answer.staffPresent ?? null,
    injured: answer.injured ?? null,
    missing: answer.missing ?? null,
    schoolState: answer.schoolState ?? null,
    note: answer.note?.trim() ?? '',
    via: input.via,
    answeredBy: input.recipientKey,
    answeredAt: ctx.now,
  };
  const key = { eventId: input.eventId, schoolId: input.schoolId };
  const before = await findCheckIn(ctx.tx, input.eventId, input.schoolId);
  const seen = input.basedOn === 'latest' ? (before?.version ?? null) : input.basedOn.version;
  if ((before?.version ?? null) !== seen) {
    throw new AppError('VERSION_CONFLICT', 'Someone else from this school answered in the meantime; read the answer and send yours again.');
  }
  const row = before
    ? await updateCheckIn(ctx.tx, { ...key, expectedVersion: before.version }, values)
    : await insertCheckIn(ctx.tx, { ...key, ...values });
  if (!row) throw new AppError('VERSION_CONFLICT', 'Someone else from this school answered at the same moment; read the answer and send yours again.');
  // The person is not a signed-in user: the audit row has no actor, and says which link or number answered.
  await audit(
    { ...ctx, actor: null },
    {
      action: before ? 'check_in.change' : 'check_in.answer',
      entity: 'check_in',
      entityId: `${input.eventId}:${input.schoolId}`,
      beforeVersion: before?.version ?? null,
      afterVersion: row.version,
      details: { via: input.via, recipientKey: input.recipientKey, status: row.status },
    },
  );
  return row;
}
