import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/error-panel';
import { TextField } from '../../components/text-field';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { DistrictFilter } from './district-filter';
import { onlySimilarNames } from './only-similar-names';
import { SchoolsTable } from './schools-table';
import { useSchools } from './use-schools';

const SEARCH_DELAY_MS = 300;

/** The school registry: search by name or code, filter by district, page with "Load more". */
export function SchoolsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('schools.title'));
  const [search, setSearch] = useState('');
  const [params] = useSearchParams();
  // The areas page links here with `?area=` to list one area's schools; a new address (the menu link) resets it.
  const areaInAddress = params.get('area') ?? '';
  const [area, setArea] = useState(areaInAddress);
  useEffect(() => setArea(areaInAddress), [areaInAddress]);
  const q = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const schools = useSchools(q, area);
  const filtered = q !== '' || area !== '';

  return (
    <div className="stack">
      <h1>{t('schools.title')}</h1>
      <div className="filters" role="search">
        <TextField
          label={t('schools.search')}
          hint={t('schools.searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <DistrictFilter value={area} onChange={setArea} />
      </div>
      <section aria-labelledby="schools-list-title" aria-busy={schools.loading}>
        <h2 id="schools-list-title" className="visually-hidden">
          {t('schools.listTitle')}
        </h2>
        <div aria-live="polite">{schools.loading && <p className="muted">{t('common.loading')}</p>}</div>
        {schools.error !== null && <ErrorPanel error={schools.error} onRetry={schools.reload} />}
        {!schools.loading && schools.error === null && schools.items.length === 0 && (
          <p className="muted">{filtered ? t('schools.noMatch') : t('schools.empty')}</p>
        )}
        {!schools.loading && onlySimilarNames(schools.items, q) && (
          <p className="muted">{t('schools.similarOnly', { q })}</p>
        )}
        {schools.items.length > 0 && <SchoolsTable schools={schools.items} />}
        {schools.hasMore && (
          <button type="button" className="button secondary" onClick={schools.loadMore} disabled={schools.loading}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
