import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCountrySettings, listAreas } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { formatDay } from '../plans/format-day';
import { CountrySettingsForm } from './country-settings-form';
import type { CountrySettings } from './settings-values';

/** Countries one can see, by their ISO 3166 code: settings are kept per country code. */
function useCountries() {
  return useApiQuery('countries', async (signal) => {
    const page = await api(listAreas, { query: { level: 'country', limit: 500 }, signal });
    return page.items.flatMap((area) => (area.codes.iso3166 ? [{ value: area.codes.iso3166, label: `${area.name} (${area.codes.iso3166})` }] : []));
  });
}

/** An administrator's page for a country's settings: how often schools drill for each hazard. */
export function CountrySettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('countrySettings.title'));
  const countries = useCountries();
  const [chosen, setChosen] = useState('');
  const code = chosen || (countries.status === 'success' ? (countries.data[0]?.value ?? '') : '');
  return (
    <div className="stack">
      <h1>{t('countrySettings.title')}</h1>
      <p className="muted">{t('countrySettings.intro')}</p>
      {countries.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {countries.status === 'error' && <ErrorPanel error={countries.error} onRetry={countries.reload} />}
      {countries.status === 'success' && countries.data.length === 0 && <p className="muted">{t('countrySettings.noCountries')}</p>}
      {countries.status === 'success' && countries.data.length > 0 && (
        <>
          <div className="filters">
            <SelectField label={t('countrySettings.country')} options={countries.data} value={code} onChange={(event) => setChosen(event.target.value)} />
          </div>
          <CountrySettingsCard key={code} code={code} />
        </>
      )}
    </div>
  );
}

function CountrySettingsCard({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const loaded = useApiQuery(`country-settings:${code}`, (signal) => api(getCountrySettings, { params: { code }, signal }));
  const [saved, setSaved] = useState<CountrySettings | null>(null);
  if (loaded.status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (loaded.status === 'error') return <ErrorPanel error={loaded.error} onRetry={loaded.reload} />;
  const settings = saved ?? loaded.data;
  const reload = () => {
    setSaved(null);
    loaded.reload();
  };
  return (
    <section className="card stack" aria-labelledby="country-drills-title">
      <h2 id="country-drills-title">{t('countrySettings.drillsTitle')}</h2>
      <p className="muted">
        {settings.version === 0 || !settings.updatedAt
          ? t('countrySettings.programmeDefaults')
          : t('countrySettings.lastChanged', { date: formatDay(settings.updatedAt, i18n.language) })}
      </p>
      <CountrySettingsForm settings={settings} onSaved={setSaved} onReload={reload} />
    </section>
  );
}
