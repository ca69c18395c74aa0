import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import { DistrictFilter } from '../schools/district-filter';
import { reviewKinds, reviewStatuses, type ReviewFilters } from './types';

/** Kind, status and district; an import or an area chosen elsewhere is kept and can be cleared. */
export function ReviewFilterFields({
  filters,
  onChange,
}: {
  filters: ReviewFilters;
  onChange: (filters: ReviewFilters) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <div className="filters" role="search">
        <SelectField
          label={t('reviews.filters.kind')}
          placeholder={t('reviews.filters.allKinds')}
          value={filters.kind}
          options={reviewKinds.map((kind) => ({ value: kind, label: t(`reviews.kinds.${kind}`) }))}
          onChange={(event) => onChange({ ...filters, kind: event.target.value as ReviewFilters['kind'] })}
        />
        <SelectField
          label={t('reviews.filters.status')}
          value={filters.status}
          options={reviewStatuses.map((status) => ({ value: status, label: t(`reviews.statuses.${status}`) }))}
          onChange={(event) => onChange({ ...filters, status: event.target.value as ReviewFilters['status'] })}
        />
        <DistrictFilter value={filters.area} onChange={(area) => onChange({ ...filters, area })} />
      </div>
      {filters.importId && (
        <p className="copy-row">
          <span>{t('reviews.filters.fromImport')}</span>
          <button type="button" className="button secondary" onClick={() => onChange({ ...filters, importId: '' })}>
            {t('reviews.filters.allImports')}
          </button>
        </p>
      )}
    </div>
  );
}
