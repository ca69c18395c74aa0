import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import type { ImportRun } from './types';

/** What an import is: its content, whether it only checked the file, when it started and ended. */
export function ImportDetails({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <dl className="details-list">
      <div>
        <dt>{t('imports.detail.kind')}</dt>
        <dd>{t(`imports.kinds.${run.kind}`)}</dd>
      </div>
      <div>
        <dt>{t('imports.detail.mode')}</dt>
        <dd>{run.dryRun ? t('imports.detail.dryRun') : t('imports.detail.realRun')}</dd>
      </div>
      <div>
        <dt>{t('imports.detail.started')}</dt>
        <dd>{dateTime(run.createdAt)}</dd>
      </div>
      <div>
        <dt>{t('imports.detail.finished')}</dt>
        <dd>{run.finishedAt ? dateTime(run.finishedAt) : t('imports.detail.notFinished')}</dd>
      </div>
    </dl>
  );
}
