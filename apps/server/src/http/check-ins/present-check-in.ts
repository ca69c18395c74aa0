import type { z } from 'zod';
import type { CheckInAnswer, CheckInView as WireView, EventCheckIns } from '@safeschools/contract';
import type { CheckInRow } from '../../db/check-ins/check-ins.repository.js';
import type { CheckInView } from '../../domain/check-ins/check-in-view.js';
import { asDate, type EventCheckInsResult } from '../../domain/check-ins/list-event-check-ins.js';

type Answer = z.output<typeof CheckInAnswer>;

export function presentAnswer(row: CheckInRow): Answer {
  return {
    status: row.status as Answer['status'],
    studentsPresent: row.studentsPresent,
    staffPresent: row.staffPresent,
    injured: row.injured,
    missing: row.missing,
    schoolState: row.schoolState as Answer['schoolState'],
    note: row.note,
    via: row.via as Answer['via'],
    version: row.version,
    answeredAt: row.answeredAt.toISOString(),
  };
}

/** Only the school's name, the event's title and the answer: a link reveals nothing else about either. */
export function presentCheckIn(view: CheckInView): z.output<typeof WireView> {
  return {
    schoolName: view.link.schoolName,
    eventTitle: view.link.eventTitle,
    language: view.language,
    expiresAt: view.link.expiresAt.toISOString(),
    answer: view.answer ? presentAnswer(view.answer) : null,
  };
}

export function presentEventCheckIns(result: EventCheckInsResult): z.output<typeof EventCheckIns> {
  return {
    silentMinutes: result.silentMinutes,
    totals: result.totals,
    schools: result.schools.map((r) => ({
      schoolId: r.school_id,
      name: r.name,
      code: r.code,
      districtId: r.district_id,
      lon: r.lon,
      lat: r.lat,
      band: r.band,
      toldAt: r.told_at === null ? null : asDate(r.told_at).toISOString(),
      delivered: r.delivered,
      answer:
        r.status === null
          ? null
          : {
              status: r.status as Answer['status'],
              studentsPresent: r.students_present,
              staffPresent: r.staff_present,
              injured: r.injured,
              missing: r.missing,
              schoolState: r.school_state as Answer['schoolState'],
              note: r.note ?? '',
              via: r.via as Answer['via'],
              version: r.version ?? 1,
              answeredAt: asDate(r.answered_at!).toISOString(),
            },
    })),
    silent: result.silent.map((s) => ({ schoolId: s.row.school_id, name: s.row.name, code: s.row.code, toldAt: s.toldAt.toISOString(), contacts: s.contacts })),
  };
}
