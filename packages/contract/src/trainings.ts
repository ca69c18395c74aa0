import { z } from 'zod';
import { standardTaskForceTypes, trainingAudiences } from '@safeschools/domain';
import { endpoint } from './endpoint.js';
import { ListQuery, pageOf, SyncFields } from './common.js';
import { SchoolIdParams } from './plans.js';

/** Preparedness training (issue 4 §4), mirroring packages/domain/src/safety/training/training-types.ts. */
export const TrainingModule = z
  .object({
    id: z.string(),
    title: z.object({ en: z.string(), hi: z.string(), ja: z.string() }),
    audiences: z.array(z.enum(trainingAudiences)),
    taskForceType: z.enum(standardTaskForceTypes).optional(),
  })
  .meta({ id: 'TrainingModule' });

const sessionFields = {
  moduleId: z.string().min(1).max(100),
  heldOn: z.string().max(10),
  facilitator: z.object({ name: z.string().max(200), organisation: z.string().max(200).optional() }),
  audience: z.enum(trainingAudiences),
  /** Adults who attended, by their plan person ids; children only as counts below. */
  attendeePersonIds: z.array(z.string().min(1).max(100)).max(1000),
  participants: z.object({ female: z.number(), male: z.number(), other: z.number(), withDisability: z.number() }).strict(),
  studentsByGrade: z.record(z.string().max(20), z.number()).optional(),
  preTestAverage: z.number().optional(),
  postTestAverage: z.number().optional(),
};

export const RecordTrainingSessionBody = z
  .object({ id: z.uuid().optional(), ...sessionFields })
  .meta({ id: 'RecordTrainingSessionBody' });

export const TrainingSession = z
  .object({ ...SyncFields, schoolId: z.uuid(), ...sessionFields })
  .meta({ id: 'TrainingSession' });

export const TaskForceTrainingStatus = z.object({
  taskForceId: z.string(),
  type: z.string(),
  customName: z.string().nullable(),
  status: z.enum(['trained', 'not_trained', 'no_module']),
  untrainedPersonIds: z.array(z.string()),
});

export const SchoolTrainings = z
  .object({
    items: z.array(TrainingSession),
    /** Each task force of the school's plan; empty while the school has no plan. */
    taskForces: z.array(TaskForceTrainingStatus),
  })
  .meta({ id: 'SchoolTrainings' });

export const listTrainingModules = endpoint({
  id: 'listTrainingModules',
  method: 'GET',
  path: '/api/v1/training-modules',
  summary: 'The training module catalogue',
  tag: 'trainings',
  response: z.object({ items: z.array(TrainingModule) }),
  auth: 'user',
});

export const recordTrainingSession = endpoint({
  id: 'recordTrainingSession',
  method: 'POST',
  path: '/api/v1/schools/:id/training-sessions',
  summary: 'Record a training session held at a school',
  tag: 'trainings',
  params: SchoolIdParams,
  body: RecordTrainingSessionBody,
  response: TrainingSession,
  successStatus: 201,
  auth: 'user',
});

export const listTrainingSessions = endpoint({
  id: 'listTrainingSessions',
  method: 'GET',
  path: '/api/v1/schools/:id/training-sessions',
  summary: "A school's training sessions, newest first, and which of its plan's task forces are trained",
  tag: 'trainings',
  params: SchoolIdParams,
  response: SchoolTrainings,
  auth: 'user',
});

export const RecordSchoolTrainingSessionBody = RecordTrainingSessionBody.extend({ schoolId: z.uuid() }).meta({ id: 'RecordSchoolTrainingSessionBody' });

export const recordTraining = endpoint({
  id: 'recordTraining',
  method: 'POST',
  path: '/api/v1/trainings',
  summary: 'Record a training session at the school named in the body (the same use case as /schools/{id}/training-sessions)',
  tag: 'trainings',
  body: RecordSchoolTrainingSessionBody,
  response: TrainingSession,
  successStatus: 201,
  auth: 'user',
});

export const listTrainings = endpoint({
  id: 'listTrainings',
  method: 'GET',
  path: '/api/v1/trainings',
  summary: 'Training sessions of the schools within one\u2019s scope, filtered; `since` reads what changed after a sync cursor',
  tag: 'trainings',
  query: ListQuery.extend({
    area: z.uuid().optional(),
    school: z.uuid().optional(),
    module: z.string().max(100).optional(),
    /** Held on or after this day. */
    from: z.iso.date().optional(),
    /** Held on or before this day. */
    to: z.iso.date().optional(),
  }),
  response: pageOf(TrainingSession),
  auth: 'user',
});
