import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, updateCountrySettings } from '@safeschools/contract';
import { safetyHazards } from '@safeschools/domain';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { TextField } from '../../components/text-field';
import { uuidv7 } from '../../lib/uuid-v7';
import { bodyOf, valuesOf, type CountrySettings, type SettingsValues } from './settings-values';

interface Props {
  settings: CountrySettings;
  onSaved: (settings: CountrySettings) => void;
  onReload: () => void;
}

/** The drill interval of a country: a default, and hazards drilled on another interval. */
export function CountrySettingsForm({ settings, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(settings));
  // One key per set of values sent: a retry after a lost answer replays the save, an edit makes a new one.
  const [key, setKey] = useState(uuidv7);
  const edit = (next: SettingsValues) => {
    setValues(next);
    setKey(uuidv7());
  };
  const [invalid, setInvalid] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const fieldError = (field: string) => (invalid.includes(field) ? t('countrySettings.monthsInvalid') : undefined);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const checked = bodyOf(values, settings.version);
    if ('invalid' in checked) {
      setInvalid(checked.invalid);
      return;
    }
    setInvalid([]);
    setBusy(true);
    try {
      const next = await api(updateCountrySettings, {
        params: { code: settings.countryCode },
        body: checked.body,
        idempotencyKey: `country-settings-${key}`,
      });
      setSaved(true);
      setKey(uuidv7());
      onSaved(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField
        label={t('countrySettings.defaultMonths')}
        hint={t('countrySettings.defaultHint')}
        inputMode="numeric"
        value={values.defaultMonths}
        error={fieldError('default')}
        onChange={(event) => edit({ ...values, defaultMonths: event.target.value })}
      />
      <fieldset className="fieldset">
        <legend>{t('countrySettings.byHazard')}</legend>
        <p className="hint">{t('countrySettings.byHazardHint')}</p>
        {safetyHazards.map((hazard) => (
          <TextField
            key={hazard}
            label={t(`plan.hazards.${hazard}`)}
            inputMode="numeric"
            value={values.hazardMonths[hazard]}
            placeholder={values.defaultMonths}
            error={fieldError(hazard)}
            onChange={(event) => edit({ ...values, hazardMonths: { ...values.hazardMonths, [hazard]: event.target.value } })}
          />
        ))}
      </fieldset>
      {error !== null && (
        <div role="alert" className="alert">
          <p>{errorMessage(t, error)}</p>
          {conflict && (
            <button type="button" className="button secondary" onClick={onReload}>
              {t('countrySettings.reload')}
            </button>
          )}
        </div>
      )}
      <div aria-live="polite">{saved && <p className="ok">{t('countrySettings.saved')}</p>}</div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
