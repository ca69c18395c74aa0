import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPriorityList } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { TextField } from '../../components/text-field';
import { PriorityListTable } from './priority-list-table';
import type { PriorityList } from './types';

/** "Which inspected schools do we fix with this money?": the budget goes to the server's knapsack. */
export function PriorityListForm({ area }: { area: string }) {
  const { t } = useTranslation();
  const [budget, setBudget] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<PriorityList | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    const amount = Number(budget.replace(/[,\s₹]/g, ''));
    if (budget.trim() === '' || !Number.isFinite(amount) || amount < 0) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setRunning(true);
    setError(null);
    try {
      setResult(await api(getPriorityList, { query: { area: area || undefined, budget: amount } }));
    } catch (caught) {
      setError(caught);
      setResult(null);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="priority-title">
      <h2 id="priority-title">{t('readiness.priorityTitle')}</h2>
      <p className="hint">{t('readiness.priorityHint')}</p>
      <form
        className="filters"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <TextField
          label={t('readiness.budget')}
          inputMode="numeric"
          value={budget}
          error={invalid ? t('readiness.budgetInvalid') : undefined}
          onChange={(event) => setBudget(event.target.value)}
        />
        <button type="submit" className="button" disabled={running}>
          {running ? t('common.loading') : t('readiness.choose')}
        </button>
      </form>
      {error !== null && <ErrorPanel error={error} />}
      {result && <PriorityListTable list={result} />}
    </section>
  );
}
