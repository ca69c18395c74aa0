import { describe, expect, it } from 'vitest';
import { evaluateDrill, indiaDrillTargets, validateDrillRecord } from './evaluate-drill.js';
import { buildDrill } from './testing-drill.js';

describe('evaluateDrill', () => {
  it('passes a drill within the India targets', () => {
    const result = evaluateDrill(buildDrill());
    expect(result.passed).toBe(true);
    expect(result.checks.map((c) => [c.code, c.met])).toEqual([
      ['CLASSROOMS_OUT', true],
      ['ASSEMBLY_POINT', true],
      ['NO_MISSING_PERSONS', true],
    ]);
  });

  it('fails a slow drill or one with somebody missing', () => {
    expect(evaluateDrill(buildDrill({ times: { classroomsOutSeconds: 61, assemblyPointSeconds: 200 } })).passed).toBe(false);
    expect(evaluateDrill(buildDrill({ times: { classroomsOutSeconds: 60, assemblyPointSeconds: 241 } })).passed).toBe(false);
    expect(evaluateDrill(buildDrill({ missingPersons: 1 })).passed).toBe(false);
  });

  it('does not pass a drill with no timed stage, and checks headcount only when targeted', () => {
    expect(evaluateDrill(buildDrill({ times: {} })).passed).toBe(false);
    const strict = { ...indiaDrillTargets, headcountCompleteSeconds: 300 };
    expect(evaluateDrill(buildDrill(), strict).checks.find((c) => c.code === 'HEADCOUNT_COMPLETE')).toMatchObject({ measured: 320, met: false });
  });
});

describe('validateDrillRecord', () => {
  it('accepts a sound record', () => {
    expect(validateDrillRecord(buildDrill())).toEqual([]);
  });

  it('refuses negative, absurd and out-of-order times', () => {
    const codes = (times: object) => validateDrillRecord(buildDrill({ times })).map((p) => p.code);
    expect(codes({ classroomsOutSeconds: -5 })).toEqual(['DRILL_TIME_NEGATIVE']);
    expect(codes({ assemblyPointSeconds: 86_400 })).toEqual(['DRILL_TIME_ABSURD']);
    expect(codes({ classroomsOutSeconds: 90, assemblyPointSeconds: 60 })).toEqual(['DRILL_TIMES_OUT_OF_ORDER']);
  });

  it('refuses bad counts, dates and actions', () => {
    const bad = buildDrill({
      startedAt: 'yesterday',
      missingPersons: -1,
      correctiveActions: [{ id: 'a1', description: 'Fix the gate', owner: '', dueOn: '2025-03-01', status: 'done' }],
    });
    expect(validateDrillRecord(bad).map((p) => p.code)).toEqual(['DRILL_DATETIME_INVALID', 'DRILL_COUNT_INVALID', 'DRILL_ACTION_INVALID', 'DRILL_ACTION_INVALID']);
  });
});
