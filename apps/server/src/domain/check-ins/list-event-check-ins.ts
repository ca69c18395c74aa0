import { can } from '@safeschools/domain';
import { eventSchoolCheckIns, followUpContacts, type EventSchoolCheckInRow } from '../../db/check-ins/event-check-ins.repository.js';
import { findEvent } from '../../db/events/events.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import type { CheckInStatus } from './record-check-in.js';

const statuses: readonly CheckInStatus[] = ['all_safe', 'some_injured', 'building_damaged', 'need_help'];

export interface EventCheckInsResult {
  silentMinutes: number;
  totals: {
    affected: number;
    told: number;
    delivered: number;
    answered: number;
    byStatus: Record<CheckInStatus, number>;
    silent: number;
  };
  schools: EventSchoolCheckInRow[];
  silent: { row: EventSchoolCheckInRow; toldAt: Date; contacts: { role: 'focal_point' | 'head_teacher'; name: string; phone: string }[] }[];
}

export function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * Who was told, who heard and who answered, over the event's affected schools the caller may see; and the schools
 * told more than `silentMinutes` ago that have not answered, with the adults' work phone numbers to call them for
 * those who may send alerts (others see the list without numbers).
 */
export async function listEventCheckIns(ctx: Ctx, eventId: string, silentMinutes: number): Promise<EventCheckInsResult> {
  const actor = requirePermission(ctx, 'events.read');
  if (!(await findEvent(ctx.tx, eventId))) throw new AppError('NOT_FOUND');
  const rows = await eventSchoolCheckIns(ctx.database, ctx.tx, actor.scope, eventId);
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<CheckInStatus, number>;
  for (const row of rows) if (row.status) byStatus[row.status as CheckInStatus] += 1;
  const cutoff = ctx.now.getTime() - silentMinutes * 60_000;
  const silentRows = rows.filter((r) => r.told_at !== null && r.status === null && asDate(r.told_at).getTime() <= cutoff);
  const contacts = can(actor.role, 'alerts.send') ? await followUpContacts(ctx.database, ctx.tx, silentRows.map((r) => r.school_id)) : [];
  return {
    silentMinutes,
    totals: {
      affected: rows.length,
      told: rows.filter((r) => r.told_at !== null).length,
      delivered: rows.filter((r) => r.delivered).length,
      answered: rows.filter((r) => r.status !== null).length,
      byStatus,
      silent: silentRows.length,
    },
    schools: rows,
    silent: silentRows.map((row) => ({
      row,
      toldAt: asDate(row.told_at!),
      // The same person may be both in the registry and a user: one number is listed once.
      contacts: contacts
        .filter((c, i) => c.school_id === row.school_id && contacts.findIndex((d) => d.school_id === c.school_id && d.phone === c.phone) === i)
        .map(({ role, name, phone }) => ({ role, name, phone })),
    })),
  };
}
