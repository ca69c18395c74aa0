import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteAlertRule, listAlertRules, updateAlertRule } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFormatters } from '../../hooks/use-formatters';
import { AlertRuleForm } from './alert-rule-form';
import { audiences, ruleConditions, ruleName, type RuleWithReach } from './rule-labels';
import { useBusyAction } from '../../hooks/use-busy-action';

/** Alert rules: which events tell whom without anyone pressing a button; each shows how many people it reaches now. */
export function AlertRulesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('alertRules.title'));
  const rules = useApiQuery('alert-rules', (signal) => api(listAlertRules, { signal }));
  const [saved, setSaved] = useState<RuleWithReach | null>(null);
  const onSaved = (rule: RuleWithReach) => {
    setSaved(rule);
    rules.reload();
  };
  return (
    <div className="stack">
      <h1>{t('alertRules.title')}</h1>
      <p className="muted">{t('alertRules.intro')}</p>
      {saved && <SavedNote saved={saved} />}
      <section className="card stack" aria-labelledby="alert-rules-list">
        <h2 id="alert-rules-list">{t('alertRules.listTitle')}</h2>
        {rules.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
        {rules.status === 'error' && <ErrorPanel error={rules.error} onRetry={rules.reload} />}
        {rules.status === 'success' && rules.data.items.length === 0 && <p className="muted">{t('alertRules.empty')}</p>}
        {rules.status === 'success' &&
          rules.data.items.map((item) => <RuleCard key={item.rule.id} item={item} onSaved={onSaved} />)}
      </section>
      <section className="card stack" aria-labelledby="alert-rules-add">
        <h2 id="alert-rules-add">{t('alertRules.addTitle')}</h2>
        <AlertRuleForm rule={null} onSaved={onSaved} />
      </section>
    </div>
  );
}

function Reach({ item }: { item: RuleWithReach }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const parts = audiences
    .filter((a) => item.rule.audiences.includes(a))
    .map((a) => `${t(`alertRules.audience.${a}`)}: ${number(item.reach[a])}`);
  return (
    <>
      <p>
        {t('alertRules.reach', { count: item.reach.total })} <span className="muted small">({parts.join(' · ')})</span>
      </p>
      {item.warnings.some((w) => w.code === 'RULE_REACHES_NOBODY') && (
        <p role="status" className="alert">
          {t('alertRules.reachesNobody')}
        </p>
      )}
    </>
  );
}

function SavedNote({ saved }: { saved: RuleWithReach }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="card">
      <p>{t('alertRules.saved', { name: ruleName(t, saved.rule) })}</p>
      <Reach item={saved} />
    </div>
  );
}

function RuleCard({ item, onSaved }: { item: RuleWithReach; onSaved: (rule: RuleWithReach) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useBusyAction();
  const { rule } = item;
  const toggle = () =>
    run(async () =>
      onSaved(await api(updateAlertRule, { params: { id: rule.id }, body: { version: rule.version, enabled: !rule.enabled } })),
    );
  const remove = () =>
    run(async () => {
      if (!window.confirm(t('alertRules.removeConfirm', { name: ruleName(t, rule) }))) return;
      await api(deleteAlertRule, { params: { id: rule.id }, query: { version: rule.version } });
      onSaved(item);
    });
  const name = ruleName(t, rule);
  return (
    <article className="fieldset stack" aria-label={name}>
      <h3>
        {name} {!rule.enabled && <span className="muted small">({t('alertRules.off')})</span>}
      </h3>
      <p className="small">{ruleConditions(t, rule)}</p>
      <p className="small">
        {t('alertRules.scope')}:{' '}
        {rule.scope.all
          ? t('alertRules.everywhere')
          : [...rule.scope.areas.map((a) => a.name), ...rule.scope.schools.map((s) => s.name)].join(', ')}
      </p>
      <Reach item={item} />
      {error !== null && (
        <p role="alert" className="alert">
          {errorMessage(t, error)}
        </p>
      )}
      {editing ? (
        <AlertRuleForm
          rule={rule}
          onSaved={(saved) => {
            setEditing(false);
            onSaved(saved);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button secondary" onClick={() => setEditing(true)}>
            {t('alertRules.edit', { name })}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void toggle()}>
            {rule.enabled ? t('alertRules.turnOff', { name }) : t('alertRules.turnOn', { name })}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void remove()}>
            {t('alertRules.remove', { name })}
          </button>
        </div>
      )}
    </article>
  );
}
