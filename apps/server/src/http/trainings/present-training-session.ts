import type { TrainingSession } from '@safeschools/contract';
import type { z } from 'zod';
import type { TrainingSessionRow } from '../../db/trainings/training-sessions.repository.js';
import { sessionOfRow } from '../../domain/trainings/list-training-sessions.js';
import { presentSync } from '../present-sync.js';

/** Allow-list of a session's fields. */
export function presentTrainingSession(row: TrainingSessionRow): z.output<typeof TrainingSession> {
  const s = sessionOfRow(row);
  return {
    ...presentSync(row),
    schoolId: row.schoolId,
    moduleId: s.moduleId,
    heldOn: s.heldOn,
    facilitator: { name: s.facilitator.name, ...(s.facilitator.organisation ? { organisation: s.facilitator.organisation } : {}) },
    audience: s.audience,
    attendeePersonIds: [...s.attendeePersonIds],
    participants: { ...s.participants },
    ...(s.studentsByGrade ? { studentsByGrade: { ...s.studentsByGrade } } : {}),
    ...(s.preTestAverage !== undefined ? { preTestAverage: s.preTestAverage } : {}),
    ...(s.postTestAverage !== undefined ? { postTestAverage: s.postTestAverage } : {}),
  };
}

