import { describe, expect, it } from 'vitest';
import type { AnswerValue, Question } from '../instruments/instrument-types.js';
import { schoolSafetyInstrument } from '../instruments/school-safety/school-safety-instrument.js';
import { buildInstrument, text } from '../instruments/testing-instrument.js';
import { scoreAssessment } from './score-assessment.js';

const def = buildInstrument(
  [
    { id: 'a', type: 'yes_no', label: text('a'), required: true, scoring: { pillar: 'pillar1', weight: 3, answerScores: { yes: 1, no: 0 } } },
    { id: 'b', type: 'scale', label: text('b'), required: true, scoring: { pillar: 'pillar1', weight: 1, answerScores: { ALL: 1, SOME: 0.5, NONE: 0 } } },
    { id: 'c', type: 'number', label: text('c'), required: false, scoring: { pillar: 'pillar2', weight: 1, numberBands: [{ max: 60, score: 1 }, { score: 0.25 }] } },
    { id: 'd', type: 'multi_choice', label: text('d'), required: false, options: [{ id: 'x', label: text('x') }, { id: 'y', label: text('y') }], scoring: { pillar: 'pillar3', weight: 1, answerScores: { x: 0.7, y: 0.7 } } },
    { id: 'e', type: 'yes_no', label: text('e'), required: false, showIf: { question: 'a', equals: 'yes' }, scoring: { pillar: 'pillar2', weight: 1, answerScores: { yes: 1, no: 0 } } },
  ] satisfies Question[],
  {
    redFlags: [{ code: 'RF_A', when: { question: 'a', equals: 'no' }, label: text('flag') }],
    recommendations: [
      { id: 'R_LOW', when: { question: 'b', in: ['SOME', 'NONE'] }, pillar: 'pillar1', priority: 'low', text: text('low') },
      { id: 'R_URGENT', when: { question: 'a', equals: 'no' }, pillar: 'pillar1', priority: 'urgent', text: text('urgent') },
    ],
  },
);
const score = (values: Record<string, AnswerValue>) => scoreAssessment(def, { instrumentId: def.id, instrumentVersion: 1, values });

describe('scoreAssessment', () => {
  it('weights answers within a pillar', () => {
    const report = score({ a: 'no', b: 'ALL' });
    expect(report.pillars.pillar1).toMatchObject({ score: 25, coverage: 1, notSure: 0, unanswered: 0 });
  });

  it('leaves NOT_SURE out of the score and reports it as lower coverage', () => {
    const report = score({ a: 'yes', b: 'NOT_SURE' });
    expect(report.pillars.pillar1).toMatchObject({ score: 100, coverage: 0.75, notSure: 1 });
  });

  it('ignores an answer to a hidden question and counts unanswered shown ones', () => {
    const report = score({ a: 'no', e: 'yes', c: 90 });
    expect(report.pillars.pillar2).toMatchObject({ score: 25, coverage: 1, questions: 1, unanswered: 0 });
    expect(score({ a: 'yes' }).pillars.pillar2).toMatchObject({ score: null, coverage: 0, unanswered: 2 });
  });

  it('caps multi-choice scores at 1', () => {
    expect(score({ a: 'yes', d: ['x', 'y'] }).pillars.pillar3.score).toBe(100);
    expect(score({ a: 'yes', d: ['x'] }).pillars.pillar3.score).toBe(70);
  });

  it('rates the mean of the scored readiness pillars and marks thin data provisional', () => {
    const report = score({ a: 'yes', b: 'ALL', c: 30, e: 'no', d: ['x'] });
    // pillar1 100, pillar2 (1*1 + 1*0) / 2 = 50, pillar3 70; the foundation has no questions here.
    expect(report.overall.score).toBe(73.3);
    expect(report.overall.band).toBe('B');
    expect(report.overall).toMatchObject({ coverage: 1, provisional: false });
    const thin = score({ a: 'yes', b: 'NOT_SURE' });
    // pillar1 coverage 0.75, pillar2 0 (c and e unanswered), pillar3 0: mean 0.25.
    expect(thin.overall).toMatchObject({ score: 100, coverage: 0.25, provisional: true });
  });

  it('raises red flags and orders recommendations by priority', () => {
    const report = score({ a: 'no', b: 'NONE' });
    expect(report.redFlags).toEqual(['RF_A']);
    expect(report.recommendations.map((r) => r.id)).toEqual(['R_URGENT', 'R_LOW']);
  });

  it('refuses answers from another instrument version', () => {
    expect(() => scoreAssessment(def, { instrumentId: def.id, instrumentVersion: 2, values: {} })).toThrow(RangeError);
  });
});

describe('the built-in instrument', () => {
  const answer = (values: Record<string, AnswerValue>) =>
    scoreAssessment(schoolSafetyInstrument, { instrumentId: schoolSafetyInstrument.id, instrumentVersion: 1, values });

  it('rates a well-prepared school A with no red flags', () => {
    const report = answer({
      fnd_sdmc: 'yes', fnd_sdmc_meets: 'monthly', fnd_focal_point: 'yes', fnd_plan: 'approved', fnd_plan_reviewed: 'yes',
      fnd_budget: 'yes', fnd_local_contacts: 'ALL', fnd_parents_informed: 'MOST',
      p1_building_type: 'rcc_frame', p1_year_built: 'y2005_on', p1_storeys: 2, p1_engineer_checked: 'yes', p1_cracks: 'no',
      p1_roof_secure: 'yes', p1_clear_exits: 'yes', p1_two_stairs: 'yes', p1_fixed_furniture: 'MOST', p1_fire_extinguishers: 'ALL',
      p1_electrical_hazards: 'no', p1_kitchen: 'separate_kitchen', p1_water_toilets: 'yes',
      p2_task_forces: ['awareness_warning', 'evacuation', 'search_rescue', 'fire_safety', 'first_aid', 'bus_safety', 'site_security'],
      p2_last_drill: 'within_6_months', p2_drill_seconds: 200, p2_assembly_point: 'yes', p2_alarm: 'yes', p2_first_aid_kits: 'ALL',
      p2_special_needs: 'yes', p2_reunification: 'yes', p2_continuity: 'yes', p2_records_safe: 'yes',
      p3_teachers_trained: 'MOST', p3_students_know: 'MOST', p3_taught_in_class: 'yes', p3_awareness_event: 'yes', p3_community_outreach: 'yes',
    });
    expect(report.overall.band).toBe('A');
    expect(report.overall.provisional).toBe(false);
    expect(report.pillars.pillar2.score).toBe(100);
    expect(report.redFlags).toEqual([]);
    expect(report.recommendations).toEqual([]);
  });

  it('flags a cracked, tall, unchecked building and recommends an engineer first', () => {
    const report = answer({ p1_cracks: 'yes', p1_storeys: 4, p1_engineer_checked: 'no', p1_building_type: 'not_sure', fnd_sdmc: 'no' });
    expect(report.redFlags).toEqual(['RF_LOAD_BEARING_CRACKS', 'RF_TALL_UNCHECKED']);
    expect(report.recommendations[0]?.id).toBe('REC_ENGINEER_INSPECTION');
    expect(report.recommendations.map((r) => r.id)).toContain('REC_FORM_SDMC');
    expect(report.overall.provisional).toBe(true);
  });

  it('recommends nothing and raises no flag from an empty assessment', () => {
    const report = answer({});
    expect(report.recommendations).toEqual([]);
    expect(report.redFlags).toEqual([]);
    expect(report.overall).toMatchObject({ score: null, band: null, coverage: 0, provisional: true });
  });

  it('asks for the missing task forces once some are formed', () => {
    const report = answer({ p2_task_forces: ['evacuation', 'first_aid'] });
    expect(report.recommendations.map((r) => r.id)).toEqual(['REC_FORM_TASK_FORCES']);
  });
});
