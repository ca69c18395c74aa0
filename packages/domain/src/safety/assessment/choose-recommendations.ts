import type { Localized } from '../i18n.js';
import { evaluateCondition } from '../instruments/evaluate-condition.js';
import {
  pillars,
  recommendationPriorities,
  type AnswerValue,
  type InstrumentDefinition,
  type Pillar,
  type RecommendationPriority,
} from '../instruments/instrument-types.js';

export interface ChosenRecommendation {
  readonly id: string;
  readonly pillar: Pillar;
  readonly priority: RecommendationPriority;
  readonly text: Localized;
}

/** The instrument's recommendation rules that hold for these answers, most urgent first, then by pillar. */
export function chooseRecommendations(
  def: InstrumentDefinition,
  values: Readonly<Record<string, AnswerValue>>,
): ChosenRecommendation[] {
  return def.recommendations
    .filter((rule) => evaluateCondition(rule.when, values))
    .map(({ id, pillar, priority, text }) => ({ id, pillar, priority, text }))
    .sort(
      (a, b) =>
        recommendationPriorities.indexOf(a.priority) - recommendationPriorities.indexOf(b.priority) ||
        pillars.indexOf(a.pillar) - pillars.indexOf(b.pillar) ||
        a.id.localeCompare(b.id),
    );
}
