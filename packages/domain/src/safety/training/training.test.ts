import { describe, expect, it } from 'vitest';
import type { TaskForce } from '../plan/plan-types.js';
import { taskForceTrained } from './task-force-trained.js';
import { defaultTrainingModules } from './training-modules.js';
import type { TrainingSession } from './training-types.js';
import { validateTrainingSession } from './validate-training-session.js';

const firstAid: TaskForce = {
  id: 'tf-1',
  type: 'first_aid',
  members: [
    { kind: 'adult', personId: 'p1', isLeader: true },
    { kind: 'adult', personId: 'p2', isLeader: false },
    { kind: 'students', count: 6 },
  ],
  duties: { before: [], during: [], after: [] },
};

function buildSession(overrides: Partial<TrainingSession> = {}): TrainingSession {
  return {
    id: 's1',
    schoolId: 'school-1',
    moduleId: 'tf-first-aid',
    heldOn: '2025-04-02',
    facilitator: { name: 'Dr. Meena Pradhan', organisation: 'Red Cross' },
    audience: 'task_force',
    attendeePersonIds: ['p1'],
    participants: { female: 4, male: 3, other: 0, withDisability: 1 },
    preTestAverage: 42,
    postTestAverage: 78,
    ...overrides,
  };
}

describe('taskForceTrained', () => {
  it('counts a task force trained only when every adult attended a matching module', () => {
    const partly = taskForceTrained(firstAid, [buildSession()], defaultTrainingModules);
    expect(partly).toEqual({ status: 'not_trained', untrainedPersonIds: ['p2'] });
    const wholly = taskForceTrained(firstAid, [buildSession(), buildSession({ id: 's2', attendeePersonIds: ['p2'] })], defaultTrainingModules);
    expect(wholly).toEqual({ status: 'trained', untrainedPersonIds: [] });
  });

  it('does not count sessions of another module', () => {
    const other = buildSession({ moduleId: 'tf-evacuation', attendeePersonIds: ['p1', 'p2'] });
    expect(taskForceTrained(firstAid, [other], defaultTrainingModules).status).toBe('not_trained');
  });

  it('says when no module exists for a custom task force', () => {
    const custom: TaskForce = { ...firstAid, type: 'custom', customName: 'Snake rescue' };
    expect(taskForceTrained(custom, [buildSession()], defaultTrainingModules).status).toBe('no_module');
  });
});

describe('validateTrainingSession', () => {
  it('accepts a sound session', () => {
    expect(validateTrainingSession(buildSession(), defaultTrainingModules)).toEqual([]);
  });

  it('refuses unknown modules, impossible counts and scores', () => {
    const bad = buildSession({
      moduleId: 'ghost',
      participants: { female: 1, male: 0, other: 0, withDisability: 2 },
      studentsByGrade: { '6': 5 },
      postTestAverage: 120,
      attendeePersonIds: ['p1', 'p1'],
    });
    expect(validateTrainingSession(bad, defaultTrainingModules).map((p) => p.code)).toEqual([
      'TRAINING_MODULE_UNKNOWN',
      'TRAINING_COUNT_INVALID',
      'TRAINING_COUNT_INVALID',
      'TRAINING_ATTENDEE_DUPLICATE',
      'TRAINING_SCORE_INVALID',
    ]);
  });
});

describe('defaultTrainingModules', () => {
  it('has a module for every standard task force, titled in every language', async () => {
    const { standardTaskForceTypes } = await import('../plan/plan-types.js');
    const { missingLanguages } = await import('../i18n.js');
    for (const type of standardTaskForceTypes) expect(defaultTrainingModules.some((m) => m.taskForceType === type), type).toBe(true);
    for (const m of defaultTrainingModules) expect(missingLanguages(m.title), m.id).toEqual([]);
  });
});
