import { allQuestions, schoolSafetyInstrument, type AnswerValue, type InstrumentDefinition, type Question } from '@safeschools/domain';
import { fixtureId } from '../../test/fixtures';
import type { Assessment } from './types';

const now = '2025-01-15T10:00:00.000Z';

export const instrument: InstrumentDefinition = schoolSafetyInstrument;

export function instrumentSummary() {
  return { id: instrument.id, version: instrument.version, title: instrument.title, builtIn: true, createdAt: now };
}

function validAnswer(question: Question): AnswerValue | undefined {
  switch (question.type) {
    case 'yes_no':
      return 'yes';
    case 'scale':
      return 'MOST';
    case 'choice':
      return question.options[0]?.id;
    case 'multi_choice':
      return [question.options.find((o) => o.exclusive)?.id ?? question.options[0]?.id ?? ''];
    case 'number':
      return question.min ?? 1;
    case 'geopoint':
      return { lat: 20.7, lon: 78.6 };
    case 'text':
      return 'Checked by the committee';
    case 'photo':
      return undefined;
  }
}

/** An answer to every question of the built-in instrument, so that a form holding them can be submitted. */
export function completeAnswers(): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const question of allQuestions(instrument)) {
    const value = validAnswer(question);
    if (value !== undefined) answers[question.id] = value;
  }
  return answers;
}

export function buildAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: fixtureId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    schoolId: fixtureId(),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    status: 'draft',
    answers: {},
    hazardContext: {},
    report: null,
    triage: null,
    ranks: [],
    submittedAt: null,
    ...overrides,
  };
}

const pillar = (score: number | null, coverage: number) => ({ score, coverage, questions: 8, notSure: 0, unanswered: 0 });

export function buildSubmitted(overrides: Partial<Assessment> = {}): Assessment {
  return buildAssessment({
    status: 'submitted',
    version: 2,
    submittedAt: now,
    hazardContext: { seismicZone: 'V' },
    report: {
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      pillars: {
        hazards: pillar(40, 1),
        foundation: pillar(80, 1),
        pillar1: pillar(45.5, 0.9),
        pillar2: pillar(70, 0.8),
        pillar3: pillar(null, 0),
      },
      overall: { score: 65.2, coverage: 0.675, band: 'B', readiness: 'good', provisional: true },
      redFlags: ['RF_LOAD_BEARING_CRACKS'],
      recommendations: [
        {
          id: 'rec_engineer',
          pillar: 'pillar1',
          priority: 'urgent',
          text: { en: 'Ask an engineer to inspect the cracks.', hi: 'दरारों की जाँच इंजीनियर से कराएँ।', ja: 'ひび割れを技術者に点検してもらってください。' },
        },
        {
          id: 'rec_drill',
          pillar: 'pillar2',
          priority: 'medium',
          text: { en: 'Hold a drill every six months.', hi: 'हर छह महीने में मॉक ड्रिल करें।', ja: '6か月ごとに避難訓練を行ってください。' },
        },
      ],
    },
    triage: {
      flagged: true,
      priority: 'urgent',
      reasons: [
        { code: 'STRUCTURAL_RED_FLAG', detail: 'RF_LOAD_BEARING_CRACKS' },
        { code: 'SEISMIC_ZONE_HIGH', detail: 'V' },
        { code: 'PILLAR1_WEAK', detail: '45.5' },
      ],
    },
    ranks: [
      { areaId: fixtureId(), level: 'block', name: 'Wardha', rank: 3, of: 41 },
      { areaId: fixtureId(), level: 'district', name: 'Wardha', rank: 12, of: 402 },
    ],
    ...overrides,
  });
}
