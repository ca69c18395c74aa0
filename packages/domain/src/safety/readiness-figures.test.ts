import { describe, expect, it } from 'vitest';
import { readinessFigures, type SchoolReadinessSummary } from './readiness-figures.js';

function buildSummary(schoolId: string, overrides: Partial<SchoolReadinessSummary> = {}): SchoolReadinessSummary {
  return {
    schoolId,
    hasPlan: false,
    hasApprovedPlan: false,
    lastDrillOn: null,
    overdueDrill: false,
    taskForces: { trained: 0, total: 0 },
    pillarScores: {},
    flagged: false,
    ...overrides,
  };
}

describe('readinessFigures', () => {
  const schools = [
    buildSummary('a', { hasPlan: true, hasApprovedPlan: true, lastDrillOn: '2025-05-01', taskForces: { trained: 7, total: 7 }, pillarScores: { pillar1: 100, pillar2: 55 } }),
    buildSummary('b', { hasPlan: true, overdueDrill: true, lastDrillOn: '2024-11-30', taskForces: { trained: 3, total: 7 }, pillarScores: { pillar1: 19.9 }, flagged: true }),
    buildSummary('c', { lastDrillOn: '2024-12-01', pillarScores: { pillar1: 20 }, flagged: true }),
  ];
  const figures = readinessFigures(schools, '2025-06-01');

  it('counts schools per figure with shares and lists', () => {
    expect(figures.schools).toBe(3);
    expect(figures.approvedPlan).toEqual({ count: 1, percent: 33.3, schoolIds: ['a'] });
    expect(figures.drilledRecently).toEqual({ count: 2, percent: 66.7, schoolIds: ['a', 'c'] });
    expect(figures.taskForcesTrained.schoolIds).toEqual(['a']);
    expect(figures.flagged.schoolIds).toEqual(['b', 'c']);
    expect(figures.noPlan.schoolIds).toEqual(['c']);
    expect(figures.overdueDrill).toEqual({ count: 1, percent: 33.3, schoolIds: ['b'] });
  });

  it('buckets pillar scores, counting 100 in the top bucket', () => {
    expect(figures.pillarDistribution.pillar1.buckets.map((b) => b.count)).toEqual([1, 1, 0, 0, 1]);
    expect(figures.pillarDistribution.pillar1.buckets[4]).toEqual({ from: 80, to: 100, count: 1 });
    expect(figures.pillarDistribution.pillar2).toMatchObject({ unscored: 2 });
  });

  it("counts a drill as recent within the school's own country interval when it has one", () => {
    const quarterly = [buildSummary('q', { lastDrillOn: '2025-02-01', drillWithinMonths: 3 }), buildSummary('d', { lastDrillOn: '2025-02-01' })];
    expect(readinessFigures(quarterly, '2025-06-01').drilledRecently.schoolIds).toEqual(['d']);
  });

  it('gives no percentages for an empty area', () => {
    expect(readinessFigures([], '2025-06-01').approvedPlan).toEqual({ count: 0, percent: null, schoolIds: [] });
  });
});
