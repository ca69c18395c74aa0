import { useTranslation } from 'react-i18next';
import { planSectionLabels } from '@safeschools/domain';
import { useFormatters } from '../../hooks/use-formatters';
import { DetailsRows } from './details-rows';
import { formatDay } from './format-day';
import type { Plan } from './types';
import { useSafetyLanguage } from './ui-language';

const pdfLanguages = ['en', 'hi', 'ja'] as const;

/** Where the plan stands: status, version, review date, the officer's comments and the PDFs. */
export function PlanHeader({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const { number } = useFormatters();
  const lang = useSafetyLanguage();
  const rows = [
    { key: 'status', label: t('plan.status'), value: t(`plan.statuses.${plan.status}`) },
    { key: 'version', label: t('plan.planVersion'), value: number(plan.planVersion) },
    {
      key: 'approved',
      label: t('plan.lastApprovedOn'),
      value: plan.lastApprovedOn ? formatDay(plan.lastApprovedOn, i18n.language) : t('plan.never'),
    },
    {
      key: 'review',
      label: t('plan.reviewDueOn'),
      value: plan.reviewDueOn ? formatDay(plan.reviewDueOn, i18n.language) : t('plan.noReviewYet'),
    },
  ];
  return (
    <section className="card" aria-labelledby="plan-status-title">
      <h2 id="plan-status-title">{t('plan.statusTitle')}</h2>
      <DetailsRows rows={rows} />
      {plan.reviewOverdue && (
        <p className="alert" role="status">
          {t('plan.reviewOverdue')}
        </p>
      )}
      {plan.status === 'returned' && plan.returnComments && (
        <div className="warning">
          <h3>{t('plan.returnComments')}</h3>
          <p>{plan.returnComments}</p>
        </div>
      )}
      {plan.sectionsNeedingUpdate.length > 0 && (
        <p className="warning">
          {t('plan.sectionsNeedingUpdate', {
            sections: plan.sectionsNeedingUpdate.map((s) => planSectionLabels[s][lang]).join(', '),
          })}
        </p>
      )}
      <p className="button-row">
        {t('plan.pdf')}
        {pdfLanguages.map((pdfLang) => (
          <a key={pdfLang} className="button secondary small" href={`/api/v1/plans/${plan.id}/pdf?lang=${pdfLang}`} download>
            {t(`plan.pdfIn.${pdfLang}`)}
          </a>
        ))}
      </p>
    </section>
  );
}
