import { effectiveAnswers, visibleQuestions } from '../instruments/visible-questions.js';
import {
  allQuestions,
  pillars,
  type AnswerValue,
  type AssessmentAnswers,
  type InstrumentDefinition,
  type Pillar,
  type Question,
  type QuestionScoring,
} from '../instruments/instrument-types.js';
import { bandFor, provisionalCoverageBelow, type RatingBand, type Readiness } from './rating-bands.js';
import { chooseRecommendations, type ChosenRecommendation } from './choose-recommendations.js';
import { evaluateCondition } from '../instruments/evaluate-condition.js';

export interface PillarScore {
  /** 0-100 over the answered weight, one decimal; null when nothing scorable was answered. */
  readonly score: number | null;
  /** Share of the shown questions' weight that has a scorable answer, 0..1. */
  readonly coverage: number;
  readonly questions: number;
  readonly notSure: number;
  readonly unanswered: number;
}

export interface AssessmentReport {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly pillars: Readonly<Record<Pillar, PillarScore>>;
  readonly overall: {
    readonly score: number | null;
    readonly coverage: number;
    readonly band: RatingBand | null;
    readonly readiness: Readiness | null;
    readonly provisional: boolean;
  };
  readonly redFlags: readonly string[];
  readonly recommendations: readonly ChosenRecommendation[];
}

/** The pillars that make up the readiness rating; hazards measure exposure, not preparedness. */
export const readinessPillars = ['foundation', 'pillar1', 'pillar2', 'pillar3'] as const satisfies readonly Pillar[];

/**
 * The automatic school report. NOT_SURE, "not known" and any other answer without a score lower the coverage,
 * not the score: a school is not marked down for honesty, and the coverage shows how far to trust the number.
 * Answers to hidden questions are ignored.
 */
export function scoreAssessment(def: InstrumentDefinition, answers: AssessmentAnswers): AssessmentReport {
  if (answers.instrumentId !== def.id || answers.instrumentVersion !== def.version)
    throw new RangeError(`Answers for ${answers.instrumentId} v${answers.instrumentVersion} scored against ${def.id} v${def.version}`);
  const values = effectiveAnswers(def, answers.values);
  const visible = visibleQuestions(def, answers.values);
  const shown = allQuestions(def).filter((q) => q.scoring && visible.has(q.id));
  const pillarScores = Object.fromEntries(
    pillars.map((p) => [p, scorePillar(shown.filter((q) => q.scoring?.pillar === p), values)]),
  ) as Record<Pillar, PillarScore>;

  // A pillar the instrument does not ask about is left out rather than counted as unanswered.
  const rated = readinessPillars.map((p) => pillarScores[p]).filter((s) => s.questions > 0);
  const withScore = rated.flatMap((s) => (s.score === null ? [] : [s.score]));
  const overallScore = withScore.length === 0 ? null : round1(withScore.reduce((a, b) => a + b, 0) / withScore.length);
  const coverage = rated.length === 0 ? 0 : round3(rated.reduce((a, s) => a + s.coverage, 0) / rated.length);
  const band = overallScore === null ? null : bandFor(overallScore);
  return {
    instrumentId: def.id,
    instrumentVersion: def.version,
    pillars: pillarScores,
    overall: {
      score: overallScore,
      coverage,
      band: band?.band ?? null,
      readiness: band?.readiness ?? null,
      provisional: coverage < provisionalCoverageBelow,
    },
    redFlags: def.redFlags.filter((f) => evaluateCondition(f.when, values)).map((f) => f.code),
    recommendations: chooseRecommendations(def, values),
  };
}

function scorePillar(questions: readonly Question[], values: Readonly<Record<string, AnswerValue>>): PillarScore {
  let totalWeight = 0;
  let answeredWeight = 0;
  let points = 0;
  let notSure = 0;
  let unanswered = 0;
  for (const question of questions) {
    const scoring = question.scoring as QuestionScoring;
    totalWeight += scoring.weight;
    const value = values[question.id];
    if (value === undefined) {
      unanswered += 1;
      continue;
    }
    const score = answerScore(scoring, value);
    if (score === null) {
      notSure += 1;
      continue;
    }
    answeredWeight += scoring.weight;
    points += scoring.weight * score;
  }
  return {
    score: answeredWeight === 0 ? null : round1((100 * points) / answeredWeight),
    coverage: totalWeight === 0 ? 0 : round3(answeredWeight / totalWeight),
    questions: questions.length,
    notSure,
    unanswered,
  };
}

/** The 0..1 score of one answer, or null when the answer carries none (NOT_SURE, "not known"). */
export function answerScore(scoring: QuestionScoring, value: AnswerValue): number | null {
  if (typeof value === 'number') {
    const band = scoring.numberBands?.find((b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max));
    return band ? band.score : null;
  }
  const table = scoring.answerScores ?? {};
  if (typeof value === 'string') return table[value] ?? null;
  if (!Array.isArray(value)) return null;
  const scored = (value as readonly string[]).flatMap((v) => (table[v] === undefined ? [] : [table[v]]));
  return scored.length === 0 ? null : Math.min(1, scored.reduce((a, b) => a + b, 0));
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
