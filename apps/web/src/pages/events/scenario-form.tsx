import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/errors';
import { ErrorPanel } from '../../components/error-panel';
import { TextField } from '../../components/text-field';
import { createScenarioEvent, type ScenarioRequest } from './create-event';
import type { HazardEvent } from './types';

type NumberField = 'lon' | 'lat' | 'depthKm' | 'magnitude';

// The contract's limits, so the browser stops an impossible value before it is sent.
const LIMITS: Record<NumberField, { min: number; max: number; step: string }> = {
  lon: { min: -180, max: 180, step: 'any' },
  lat: { min: -90, max: 90, step: 'any' },
  depthKm: { min: 0, max: 700, step: 'any' },
  magnitude: { min: 3, max: 9.6, step: '0.1' },
};
const FIELDS: NumberField[] = ['lon', 'lat', 'depthKm', 'magnitude'];

/** "What if an earthquake of this magnitude struck here": an epicentre, a depth and a magnitude. */
export function ScenarioForm({ onCreated }: { onCreated: (event: HazardEvent) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<NumberField, string>>({ lon: '', lat: '', depthKm: '10', magnitude: '' });
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(t, error);
  const complete = FIELDS.every((field) => values[field].trim() !== '' && Number.isFinite(Number(values[field])));

  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if (!complete) return;
    const request: ScenarioRequest = {
      title,
      lon: Number(values.lon),
      lat: Number(values.lat),
      depthKm: Number(values.depthKm),
      magnitude: Number(values.magnitude),
    };
    setBusy(true);
    setError(null);
    createScenarioEvent(request).then(onCreated, (caught: unknown) => {
      setError(caught);
      setBusy(false);
    });
  };

  return (
    <form className="card stack" aria-labelledby="event-scenario-title" onSubmit={submit}>
      <h3 id="event-scenario-title">{t('events.scenario.title')}</h3>
      <p className="muted small">{t('events.scenario.intro')}</p>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          label={t(`events.scenario.${field}`)}
          type="number"
          inputMode="decimal"
          required
          {...LIMITS[field]}
          value={values[field]}
          error={errors[field]}
          disabled={busy}
          onChange={(changed) => setValues((previous) => ({ ...previous, [field]: changed.target.value }))}
        />
      ))}
      <TextField label={t('events.scenario.name')} value={title} maxLength={200} disabled={busy} onChange={(changed) => setTitle(changed.target.value)} />
      <div>
        <button type="submit" className="button" disabled={busy || !complete}>
          {t('events.scenario.submit')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {busy && <p className="muted">{t('events.scenario.busy')}</p>}
      </div>
      {error !== null && <ErrorPanel error={error} />}
    </form>
  );
}
