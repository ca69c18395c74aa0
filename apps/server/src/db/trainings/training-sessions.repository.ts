import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { schools, trainingSessions } from '../schema.js';
import { schoolRecordList, type SchoolRecordFilter } from '../sync/school-record-list.js';

export type TrainingSessionRow = typeof trainingSessions.$inferSelect;
export type NewTrainingSession = typeof trainingSessions.$inferInsert;

export async function insertTrainingSession(on: Executor, session: NewTrainingSession): Promise<TrainingSessionRow | undefined> {
  const rows = await on.insert(trainingSessions).values(session).onConflictDoNothing().returning();
  return rows[0];
}

/** A school's sessions, newest first; the caller has already checked the school is visible. */
export async function listTrainingSessionsOfSchool(on: Executor, schoolId: string, limit: number): Promise<TrainingSessionRow[]> {
  return on
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.schoolId, schoolId), isNull(trainingSessions.deletedAt)))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.id))
    .limit(limit);
}

/** Sessions at visible schools, a page in id order or, with `sinceSeq`, the changes after it (see schoolRecordList). */
export async function listVisibleTrainingSessions(on: Executor, viewer: Scope, filter: SchoolRecordFilter & { moduleId?: string }): Promise<TrainingSessionRow[]> {
  const { where, orderBy } = schoolRecordList(trainingSessions, viewer, filter, filter.moduleId ? [eq(trainingSessions.moduleId, filter.moduleId)] : []);
  const rows = await on
    .select({ session: trainingSessions })
    .from(trainingSessions)
    .innerJoin(schools, eq(schools.id, trainingSessions.schoolId))
    .where(where)
    .orderBy(orderBy)
    .limit(filter.limit);
  return rows.map((r) => r.session);
}

export async function maxTrainingSessionChangeSeq(on: Executor): Promise<number> {
  const rows = await on.select({ n: sql<number>`coalesce(max(${trainingSessions.changeSeq}), 0)`.mapWith(Number) }).from(trainingSessions);
  return rows[0]?.n ?? 0;
}
