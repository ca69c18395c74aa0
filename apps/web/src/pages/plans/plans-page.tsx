import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listPlans } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { formatDay } from './format-day';
import type { PlanSummary } from './types';

const statuses = ['draft', 'submitted', 'approved', 'returned'] as const;
type Status = (typeof statuses)[number];

/** Plans waiting for the officer come first; then the overdue reviews; then by school name. */
function byUrgency(a: PlanSummary, b: PlanSummary): number {
  const rank = (p: PlanSummary) => (p.status === 'submitted' ? 0 : p.reviewOverdue ? 1 : 2);
  return rank(a) - rank(b) || a.schoolName.localeCompare(b.schoolName);
}

/** The plans of the schools in the officer's scope: what awaits approval and which reviews are overdue. */
export function PlansPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('plans.title'));
  const [status, setStatus] = useState<Status | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const plans = useApiQuery(`plans:${status}:${overdueOnly}`, (signal) =>
    api(listPlans, { query: { limit: 500, ...(status ? { status } : {}), ...(overdueOnly ? { reviewOverdue: 'true' as const } : {}) }, signal }),
  );
  const columns = { status: t('plans.columns.status'), review: t('plans.columns.reviewDue'), version: t('plans.columns.version') };
  const items = plans.status === 'success' ? [...plans.data.items].sort(byUrgency) : [];
  return (
    <div className="stack">
      <h1>{t('plans.title')}</h1>
      <p className="muted">{t('plans.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('plans.statusFilter')}
          options={statuses.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }))}
          placeholder={t('plans.allStatuses')}
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | '')}
        />
        <label className="checkbox">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          {t('plans.overdueOnly')}
        </label>
      </div>
      <div aria-live="polite">{plans.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {plans.status === 'error' && <ErrorPanel error={plans.error} onRetry={plans.reload} />}
      {plans.status === 'success' && items.length === 0 && <p className="muted">{t('plans.empty')}</p>}
      {items.length > 0 && (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('plans.caption', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.columns.school')}</th>
              <th scope="col">{columns.status}</th>
              <th scope="col">{columns.review}</th>
              <th scope="col">{columns.version}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((plan) => (
              <tr key={plan.id}>
                <th scope="row">
                  <Link to={`/schools/${plan.schoolId}/plan`}>{plan.schoolName}</Link>
                  {plan.schoolCode && <span className="muted">{` ${plan.schoolCode}`}</span>}
                </th>
                <td data-label={columns.status}>{t(`plan.statuses.${plan.status}`)}</td>
                <td data-label={columns.review}>
                  {plan.reviewDueOn ? formatDay(plan.reviewDueOn, i18n.language) : t('plan.noReviewYet')}
                  {plan.reviewOverdue && <strong className="field-error">{` ${t('plans.overdue')}`}</strong>}
                </td>
                <td data-label={columns.version}>{plan.planVersion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
