import { useTranslation } from 'react-i18next';
import type { dashboardSummary, ResponseOf } from '@safeschools/contract';
import { useFormatters } from './use-formatters';

/** A sum over the schools with a figure, saying how many have it and how many do not (the API's FigureTotal). */
export type FigureTotal = ResponseOf<typeof dashboardSummary>['children'];

/**
 * Words for an enrolment total that may be unknown: "12,340" or "Enrolment unknown", never a 0 standing for
 * unknown, and what it covers: "in 812 schools with an enrolment; 179 schools without one".
 */
export function useEnrolmentText() {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const schools = (key: string, count: number) => t(key, { count, value: number(count) });
  return {
    /** The total, or "Enrolment unknown" when no school counted has one. */
    value: (figure: FigureTotal) => (figure.total === null ? t('enrolment.unknown') : number(figure.total)),
    /** What the total covers; null when no school was counted at all. */
    coverage: (figure: FigureTotal): string | null => {
      const { schoolsWithFigure: known, schoolsWithoutFigure: unknown } = figure;
      if (known + unknown === 0) return null;
      if (known === 0) return schools('enrolment.withoutEnrolment', unknown);
      const covered = schools('enrolment.inSchools', known);
      return unknown === 0 ? covered : t('enrolment.coverage', { covered, without: schools('enrolment.withoutOne', unknown) });
    },
    /** Under a number in a table: how many schools it leaves out, when some; null otherwise. */
    leftOut: (figure: FigureTotal): string | null =>
      figure.total !== null && figure.schoolsWithoutFigure > 0
        ? schools('enrolment.withoutEnrolment', figure.schoolsWithoutFigure)
        : null,
  };
}
