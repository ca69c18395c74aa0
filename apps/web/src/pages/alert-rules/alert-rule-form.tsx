import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createAlertRule, updateAlertRule } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useSession } from '../../auth/use-session';
import { uuidv7 } from '../../lib/uuid-v7';
import { audiences, ruleName, severities, statuses, type Rule, type RuleWithReach } from './rule-labels';

type Audience = (typeof audiences)[number];
type Status = (typeof statuses)[number];

interface Draft {
  name: string;
  audiences: Audience[];
  statuses: Status[];
  hazardTypes: string;
  minSeverity: string;
  minBand: string;
  minIntensity: string;
  match: 'any' | 'all';
  areaIds: string[];
}

function draftOf(rule: Rule | null, t: (key: string) => string): Draft {
  if (!rule)
    return {
      name: '',
      audiences: ['focal_points', 'head_teachers'],
      statuses: ['actual'],
      hazardTypes: '',
      minSeverity: '',
      minBand: '2',
      minIntensity: '',
      match: 'any',
      areaIds: [],
    };
  return {
    name: rule.builtIn && rule.nameUnchanged ? t('alertRules.builtInName') : rule.name,
    audiences: [...rule.audiences],
    statuses: rule.statuses.filter((s): s is Status => (statuses as readonly string[]).includes(s)),
    hazardTypes: rule.hazardTypes.join(', '),
    minSeverity: rule.minSeverity ?? '',
    minBand: rule.minBand === null ? '' : String(rule.minBand),
    minIntensity: rule.minIntensity === null ? '' : String(rule.minIntensity),
    match: rule.match,
    areaIds: rule.scope.areas.map((a) => a.id),
  };
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

/** Makes a rule or changes one: conditions, audiences and (for scoped managers) the areas it covers. */
export function AlertRuleForm({
  rule,
  onSaved,
  onCancel,
}: {
  rule: Rule | null;
  onSaved: (saved: RuleWithReach) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const myAreas = session.status === 'signed-in' ? session.me.scope.areas : [];
  const seesAll = session.status === 'signed-in' && session.me.scope.all;
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule, t));
  const [key] = useState(uuidv7);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setFields({});
    const body = {
      // The built-in name shown translated is not a rename: keep the stored one.
      name: rule && rule.builtIn && rule.nameUnchanged && draft.name === ruleName(t, rule) ? rule.name : draft.name.trim(),
      audiences: draft.audiences,
      statuses: draft.statuses,
      hazardTypes: draft.hazardTypes
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      minSeverity: (draft.minSeverity || null) as Rule['minSeverity'],
      minBand: draft.minBand === '' ? null : Number(draft.minBand),
      minIntensity: draft.minIntensity === '' ? null : Number(draft.minIntensity),
      match: draft.match,
      scope: { areaIds: draft.areaIds, schoolIds: [] },
    };
    setBusy(true);
    try {
      const saved = rule
        ? await api(updateAlertRule, { params: { id: rule.id }, body: { version: rule.version, ...body } })
        : await api(createAlertRule, { body: { id: key, ...body }, idempotencyKey: `alert-rule-${key}` });
      onSaved(saved);
    } catch (caught) {
      const found = fieldErrors(t, caught);
      if (Object.keys(found).length) setFields(found);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField
        label={t('alertRules.name')}
        value={draft.name}
        error={fields['name']}
        onChange={(e) => set({ name: e.target.value })}
      />
      <fieldset className="fieldset">
        <legend>{t('alertRules.audiences')}</legend>
        {audiences.map((a) => (
          <label key={a} className="checkbox">
            <input
              type="checkbox"
              checked={draft.audiences.includes(a)}
              onChange={(e) => set({ audiences: toggle(draft.audiences, a, e.target.checked) })}
            />
            {t(`alertRules.audience.${a}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('alertRules.statuses')}</legend>
        {statuses.map((s) => (
          <label key={s} className="checkbox">
            <input
              type="checkbox"
              checked={draft.statuses.includes(s)}
              onChange={(e) => set({ statuses: toggle(draft.statuses, s, e.target.checked) })}
            />
            {t(`alertRules.status.${s}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('alertRules.hazardTypes')}
        hint={t('alertRules.hazardTypesHint')}
        value={draft.hazardTypes}
        onChange={(e) => set({ hazardTypes: e.target.value })}
      />
      <SelectField
        label={t('alertRules.minSeverity')}
        placeholder={t('alertRules.noCondition')}
        options={severities.map((s) => ({ value: s, label: t(`alertRules.severity.${s}`) }))}
        value={draft.minSeverity}
        onChange={(e) => set({ minSeverity: e.target.value })}
      />
      <TextField
        label={t('alertRules.minBand')}
        hint={t('alertRules.minBandHint')}
        type="number"
        min={1}
        max={10}
        inputMode="numeric"
        value={draft.minBand}
        error={fields['minBand']}
        onChange={(e) => set({ minBand: e.target.value })}
      />
      <TextField
        label={t('alertRules.minIntensity')}
        hint={t('alertRules.minIntensityHint')}
        type="number"
        min={0}
        step="any"
        value={draft.minIntensity}
        error={fields['minIntensity']}
        onChange={(e) => set({ minIntensity: e.target.value })}
      />
      <SelectField
        label={t('alertRules.match')}
        options={[
          { value: 'any', label: t('alertRules.matchAny') },
          { value: 'all', label: t('alertRules.matchAll') },
        ]}
        value={draft.match}
        onChange={(e) => set({ match: e.target.value as 'any' | 'all' })}
      />
      <fieldset className="fieldset">
        <legend>{t('alertRules.scope')}</legend>
        {seesAll && <p className="hint">{t('alertRules.scopeAllHint')}</p>}
        {myAreas.map((a) => (
          <label key={a.id} className="checkbox">
            <input
              type="checkbox"
              checked={draft.areaIds.includes(a.id)}
              onChange={(e) => set({ areaIds: toggle(draft.areaIds, a.id, e.target.checked) })}
            />
            {a.name}
          </label>
        ))}
      </fieldset>
      {error !== null && (
        <div role="alert" className="alert">
          <p>{errorMessage(t, error)}</p>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : rule ? t('alertRules.save') : t('alertRules.add')}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('alertRules.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
