import type { IsoDate } from '../dates.js';
import type { Localized } from '../i18n.js';
import type { StandardTaskForceType } from '../plan/plan-types.js';

export const trainingAudiences = ['students', 'teachers', 'non_teaching_staff', 'parents', 'committee', 'task_force'] as const;
export type TrainingAudience = (typeof trainingAudiences)[number];

export interface TrainingModule {
  readonly id: string;
  readonly title: Localized;
  readonly audiences: readonly TrainingAudience[];
  /** The task force this module trains, if any: attending it counts towards `taskForceTrained`. */
  readonly taskForceType?: StandardTaskForceType;
}

/**
 * One held session. Adults who attended are recorded by their plan person ids (that is what makes a task force
 * trained); students only as counts, by sex, disability and grade.
 */
export interface TrainingSession {
  readonly id: string;
  readonly schoolId: string;
  readonly moduleId: string;
  readonly heldOn: IsoDate;
  readonly facilitator: { readonly name: string; readonly organisation?: string };
  readonly audience: TrainingAudience;
  readonly attendeePersonIds: readonly string[];
  readonly participants: { readonly female: number; readonly male: number; readonly other: number; readonly withDisability: number };
  readonly studentsByGrade?: Readonly<Record<string, number>>;
  /** Average scores out of 100. */
  readonly preTestAverage?: number;
  readonly postTestAverage?: number;
}
