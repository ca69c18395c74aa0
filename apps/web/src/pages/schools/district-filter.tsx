import { useTranslation } from 'react-i18next';
import { listAreas } from '@safeschools/contract';
import { api } from '../../api/client';
import { SelectField } from '../../components/select-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { areaName } from '../users/area-name';
import type { Area } from '../users/types';

const PAGE_SIZE = 500;
/** India has under 800 districts: two pages. The cap only guards against a cursor that never ends. */
const MAX_PAGES = 5;

async function loadDistricts(signal: AbortSignal): Promise<Area[]> {
  const districts: Area[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = await api(listAreas, { query: { level: 'district', limit: PAGE_SIZE, cursor }, signal });
    districts.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return districts;
}

/** A select of the districts one can see; hidden when there are none (or they cannot be loaded). */
export function DistrictFilter({ value, onChange }: { value: string; onChange: (areaId: string) => void }) {
  const { t, i18n } = useTranslation();
  const districts = useApiQuery('areas:districts', loadDistricts);
  if (districts.status !== 'success' || districts.data.length === 0) return null;
  const options = districts.data
    .map((area) => ({ value: area.id, label: areaName(area, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  // An area chosen on another page (a state or a block from the areas page) stays selected, under a general label.
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: t('schools.chosenArea') });
  return (
    <SelectField
      label={t('schools.district')}
      placeholder={t('schools.allDistricts')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={options}
    />
  );
}
