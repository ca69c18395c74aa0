import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { trainingSessions } from '../schema.js';

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
