import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import type { Drill } from './types';

/** Each measured stage against its target, said in words as well as colour: met, not met, or not timed. */
export function DrillChecks({ drill }: { drill: Drill }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const columns = { measured: t('drills.checks.measured'), target: t('drills.checks.target'), result: t('drills.checks.result') };
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('drills.checks.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('drills.checks.stage')}</th>
          <th scope="col">{columns.measured}</th>
          <th scope="col">{columns.target}</th>
          <th scope="col">{columns.result}</th>
        </tr>
      </thead>
      <tbody>
        {drill.evaluation.checks.map((check) => {
          const persons = check.code === 'NO_MISSING_PERSONS';
          const show = (value: number) => (persons ? number(value) : t('drills.seconds', { count: value, n: number(value) }));
          return (
            <tr key={check.code}>
              <th scope="row">{t(`drills.checks.codes.${check.code}`)}</th>
              <td data-label={columns.measured}>{check.measured === null ? t('drills.checks.notTimed') : show(check.measured)}</td>
              <td data-label={columns.target}>{persons ? number(check.target) : t('drills.checks.atMost', { value: show(check.target) })}</td>
              <td data-label={columns.result}>
                {check.met === null ? (
                  <span className="muted">{t('drills.checks.notTimed')}</span>
                ) : check.met ? (
                  <strong>{t('drills.checks.met')}</strong>
                ) : (
                  <strong className="field-error">{t('drills.checks.notMet')}</strong>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
