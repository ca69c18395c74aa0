import type { listTrainingModules, listTrainingSessions, RecordTrainingSessionBody, ResponseOf } from '@safeschools/contract';
import type { z } from 'zod';

export type TrainingModule = ResponseOf<typeof listTrainingModules>['items'][number];
export type SchoolTrainings = ResponseOf<typeof listTrainingSessions>;
export type TrainingSession = SchoolTrainings['items'][number];
export type TaskForceStatus = SchoolTrainings['taskForces'][number];
export type NewSession = z.input<typeof RecordTrainingSessionBody>;
