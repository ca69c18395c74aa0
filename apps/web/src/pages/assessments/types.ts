import type { ResponseOf, getAssessment } from '@safeschools/contract';
import type { AnswerValue, ChosenRecommendation, Localized } from '@safeschools/domain';

export type Assessment = ResponseOf<typeof getAssessment>;
export type AssessmentReport = NonNullable<Assessment['report']>;
export type Answers = Record<string, AnswerValue>;

export type HazardContext = Assessment['hazardContext'];

/**
 * A text from instrument data in the interface language. Instruments loaded by a country team are checked for
 * en/hi/ja, but a missing language still falls back to English rather than showing nothing.
 */
export function localize(text: Partial<Localized> | undefined, language: string): string {
  if (!text) return '';
  return (text as Record<string, string | undefined>)[language] ?? text.en ?? '';
}

/** The report's recommendations arrive as loose records; these are the ones shaped like the domain's. */
export function recommendationsOf(report: AssessmentReport): ChosenRecommendation[] {
  return report.recommendations.filter(
    (r): r is ChosenRecommendation & Record<string, unknown> =>
      typeof r.id === 'string' && typeof r.priority === 'string' && typeof r.text === 'object' && r.text !== null,
  );
}
