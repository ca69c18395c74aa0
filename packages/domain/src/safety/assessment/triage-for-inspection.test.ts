import { describe, expect, it } from 'vitest';
import { pillars, type Pillar } from '../instruments/instrument-types.js';
import type { AssessmentReport, PillarScore } from './score-assessment.js';
import { triageForInspection } from './triage-for-inspection.js';

function buildReport(pillar1: Partial<PillarScore>, redFlags: string[] = []): AssessmentReport {
  const base: PillarScore = { score: 80, coverage: 1, questions: 5, notSure: 0, unanswered: 0 };
  const scores = Object.fromEntries(pillars.map((p) => [p, base])) as Record<Pillar, PillarScore>;
  return {
    instrumentId: 'i',
    instrumentVersion: 1,
    pillars: { ...scores, pillar1: { ...base, ...pillar1 } },
    overall: { score: 80, coverage: 1, band: 'A', readiness: 'high', provisional: false },
    redFlags,
    recommendations: [],
  };
}

describe('triageForInspection', () => {
  it('leaves a sound school in a low-hazard place alone', () => {
    expect(triageForInspection(buildReport({}), { seismicZone: 'II', flood: 'moderate' })).toEqual({ flagged: false, priority: null, reasons: [] });
  });

  it('gives every reason as a stable code', () => {
    const result = triageForInspection(buildReport({ score: 30 }, ['RF_LOAD_BEARING_CRACKS']), { seismicZone: 'V', cyclone: 'very_high' });
    expect(result.flagged).toBe(true);
    expect(result.priority).toBe('urgent');
    expect(result.reasons).toEqual([
      { code: 'STRUCTURAL_RED_FLAG', detail: 'RF_LOAD_BEARING_CRACKS' },
      { code: 'SEISMIC_ZONE_HIGH', detail: 'V' },
      { code: 'CYCLONE_HAZARD_HIGH', detail: 'very_high' },
      { code: 'PILLAR1_WEAK', detail: '30' },
    ]);
  });

  it('flags a high-hazard zone alone with normal priority, and a weak Pillar 1 there with high', () => {
    expect(triageForInspection(buildReport({}), { seismicZone: 'IV' }).priority).toBe('normal');
    expect(triageForInspection(buildReport({ score: 49.9 }), { flood: 'high' }).priority).toBe('high');
    expect(triageForInspection(buildReport({ score: 50 }), {}).flagged).toBe(false);
  });

  it('flags a school whose buildings were hardly assessed', () => {
    const result = triageForInspection(buildReport({ score: 90, coverage: 0.3 }), {});
    expect(result.reasons.map((r) => r.code)).toEqual(['PILLAR1_UNASSESSED']);
  });
});
