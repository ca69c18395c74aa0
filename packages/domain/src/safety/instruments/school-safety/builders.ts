import type { Pillar, QuestionScoring } from '../instrument-types.js';

export { localized as t } from '../../i18n.js';

/** A "yes" is the safe answer. */
export function yesSafe(pillar: Pillar, weight = 1): QuestionScoring {
  return { pillar, weight, answerScores: { yes: 1, no: 0 } };
}

/** A "yes" reports a weakness or an exposure. */
export function yesUnsafe(pillar: Pillar, weight = 1): QuestionScoring {
  return { pillar, weight, answerScores: { yes: 0, no: 1 } };
}

/** ALL..NONE in even steps; NOT_SURE is left out on purpose so that it lowers coverage, not the score. */
export function scaleScoring(pillar: Pillar, weight = 1): QuestionScoring {
  return { pillar, weight, answerScores: { ALL: 1, MOST: 0.75, SOME: 0.5, FEW: 0.25, NONE: 0 } };
}
