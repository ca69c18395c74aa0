import type { Localized } from '../i18n.js';

/** The groups a self-assessment reports on: the hazard picture, then the CSSF 2022-2030 foundation and pillars. */
export const pillars = ['hazards', 'foundation', 'pillar1', 'pillar2', 'pillar3'] as const;
export type Pillar = (typeof pillars)[number];

export const scaleValues = ['ALL', 'MOST', 'SOME', 'FEW', 'NONE', 'NOT_SURE'] as const;
export type ScaleValue = (typeof scaleValues)[number];

export const questionTypes = [
  'yes_no',
  'scale',
  'number',
  'choice',
  'multi_choice',
  'photo',
  'geopoint',
  'text',
] as const;
export type QuestionType = (typeof questionTypes)[number];

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
  readonly accuracyM?: number;
}

/**
 * What an answer holds, by question type: yes_no `'yes' | 'no'`, scale a `ScaleValue`, number a number, choice an
 * option id, multi_choice option ids, photo stored file ids, geopoint a `GeoPoint`, text a string.
 */
export type AnswerValue = string | number | readonly string[] | GeoPoint;

/** Answers keyed by question id, kept with the instrument version they were given under. */
export interface AssessmentAnswers {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly values: Readonly<Record<string, AnswerValue>>;
}

/**
 * A condition on earlier answers, used by `showIf`, red flags and recommendation rules. Comparisons with an
 * unanswered question are false (so `not` of one is true).
 */
export type Condition =
  | { readonly question: string; readonly equals: string | number }
  | { readonly question: string; readonly in: readonly (string | number)[] }
  | { readonly question: string; readonly includes: string }
  | { readonly question: string; readonly gt: number }
  | { readonly question: string; readonly lt: number }
  | { readonly question: string; readonly answered: boolean }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export interface ChoiceOption {
  readonly id: string;
  readonly label: Localized;
  /** In a multi_choice, an option such as "none of these" that cannot be chosen with others. */
  readonly exclusive?: boolean;
}

/**
 * How a question adds to its pillar. `answerScores` gives each answer a score from 0 (unsafe) to 1 (safe); an
 * answer missing from it (such as NOT_SURE) does not count and lowers the coverage instead. For a multi_choice the
 * chosen options' scores are added and capped at 1; for a number, the first band holding the value applies.
 */
export interface QuestionScoring {
  readonly pillar: Pillar;
  readonly weight: number;
  readonly answerScores?: Readonly<Record<string, number>>;
  readonly numberBands?: readonly { readonly min?: number; readonly max?: number; readonly score: number }[];
}

export interface QuestionBase {
  readonly id: string;
  readonly label: Localized;
  readonly help?: Localized;
  readonly required: boolean;
  readonly showIf?: Condition;
  readonly scoring?: QuestionScoring;
}

export type Question =
  | (QuestionBase & { readonly type: 'yes_no' })
  | (QuestionBase & { readonly type: 'scale' })
  | (QuestionBase & {
      readonly type: 'number';
      readonly min?: number;
      readonly max?: number;
      readonly integer?: boolean;
      readonly unit?: Localized;
    })
  | (QuestionBase & { readonly type: 'choice' | 'multi_choice'; readonly options: readonly ChoiceOption[] })
  | (QuestionBase & { readonly type: 'photo'; readonly maxPhotos?: number })
  | (QuestionBase & { readonly type: 'geopoint' })
  | (QuestionBase & { readonly type: 'text'; readonly maxLength?: number });

export interface InstrumentSection {
  readonly id: string;
  readonly title: Localized;
  readonly description?: Localized;
  readonly questions: readonly Question[];
}

export interface Citation {
  readonly title: string;
  readonly publisher: string;
  readonly year: number;
  readonly url?: string;
}

/** A structural warning sign: when `when` holds, the school is a candidate for an engineer's inspection. */
export interface RedFlagRule {
  readonly code: string;
  readonly when: Condition;
  readonly label: Localized;
}

export const recommendationPriorities = ['urgent', 'high', 'medium', 'low'] as const;
export type RecommendationPriority = (typeof recommendationPriorities)[number];

export interface RecommendationRule {
  readonly id: string;
  readonly when: Condition;
  readonly pillar: Pillar;
  readonly priority: RecommendationPriority;
  readonly text: Localized;
}

/**
 * A versioned assessment instrument, loadable from JSON by a country team. A new wording or a new question is a
 * new version, so stored answers always mean what they meant when given.
 */
export interface InstrumentDefinition {
  readonly id: string;
  readonly version: number;
  readonly title: Localized;
  readonly citations: readonly Citation[];
  readonly sections: readonly InstrumentSection[];
  readonly redFlags: readonly RedFlagRule[];
  readonly recommendations: readonly RecommendationRule[];
}

export function allQuestions(def: InstrumentDefinition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}
