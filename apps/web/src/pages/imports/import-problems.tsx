import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import type { ImportProblem, ImportRun } from './types';

const knownCodes = new Set([
  'CODE_FORMAT',
  'DUPLICATE_CODE',
  'NULL_ISLAND',
  'OUTSIDE_COUNTRY',
  'SWAPPED_COORDINATES',
  'MISSING_VALUE',
  'NOT_A_NUMBER',
  'NEGATIVE_COUNT',
  'OUTSIDE_SCOPE',
]);

/** A problem's text: translated from its code when known, else the server's message. */
function problemText(t: (key: string) => string, problem: ImportProblem): string {
  return knownCodes.has(problem.code) ? t(`imports.problemCodes.${problem.code}`) : problem.message;
}

/** The problems found by row (the first ones the server returns), with the value that caused each. */
export function ImportProblems({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  if (run.errors.length === 0) return <p className="ok">{t('imports.problems.none')}</p>;
  return (
    <>
      {run.errorsTotal > run.errors.length && (
        <p className="muted">
          {t('imports.problems.shownOf', { shown: number(run.errors.length), total: number(run.errorsTotal) })}
        </p>
      )}
      <table className="responsive-table">
        <caption>{t('imports.problems.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.problems.row')}</th>
            <th scope="col">{t('imports.problems.column')}</th>
            <th scope="col">{t('imports.problems.problem')}</th>
            <th scope="col">{t('imports.problems.value')}</th>
          </tr>
        </thead>
        <tbody>
          {run.errors.map((problem, index) => (
            <tr key={`${problem.row}-${problem.column ?? ''}-${problem.code}-${index}`}>
              <td data-label={t('imports.problems.row')}>{problem.row === 0 ? t('imports.problems.wholeFile') : number(problem.row)}</td>
              <td data-label={t('imports.problems.column')}>{problem.column ?? '—'}</td>
              <td data-label={t('imports.problems.problem')}>
                {problem.severity === 'warning' && <span className="chip">{t('imports.problems.warning')}</span>}{' '}
                {problemText(t, problem)}
              </td>
              <td data-label={t('imports.problems.value')}>{problem.value ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
