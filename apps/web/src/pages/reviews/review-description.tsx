import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { DetailsRows } from '../plans/details-rows';
import { namedAreaLabel, type NamedArea, type Review } from './types';

const codeSystems = ['lgd', 'census2011', 'udise', 'pcode', 'iso3166'];

/** What the source file declared, level by level: "District: Namchi (LGD 227)". */
function DeclaredAreas({ declared }: { declared: Review['declared'] }) {
  const { t } = useTranslation();
  const levels = Object.entries(declared).filter(([, fields]) => Object.keys(fields).length > 0);
  if (levels.length === 0) return <>{t('reviews.nothingDeclared')}</>;
  return (
    <>
      {levels
        .map(([level, fields]) => {
          const codes = Object.entries(fields)
            .filter(([system]) => system !== 'name')
            .map(([system, value]) => `${codeSystems.includes(system) ? t(`reviews.codeSystems.${system}`) : system} ${value}`);
          const name = fields.name ?? t('reviews.unnamed');
          const label = t(`areaLevels.${level}`, { defaultValue: level });
          return codes.length > 0
            ? t('reviews.declaredLevelWithCodes', { level: label, name, codes: codes.join(t('common.listSeparator')) })
            : t('reviews.declaredLevel', { level: label, name });
        })
        .join(t('reviews.levelSeparator'))}
    </>
  );
}

/** One sentence saying what the importer noticed, in the words of the review's kind. */
function Explanation({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const { decimal } = useFormatters();
  const name = (area: NamedArea | null) => (area ? namedAreaLabel(area, i18n.language) : t('reviews.unknownArea'));
  const detail = review.detail;
  switch (review.kind) {
    case 'outside_declared_area':
      return (
        <>{t('reviews.explain.outside_declared_area', { found: name(review.foundArea), declared: name(review.declaredArea) })}</>
      );
    case 'area_name_mismatch':
      return (
        <>
          {t('reviews.explain.area_name_mismatch', {
            declaredName: typeof detail.declaredName === 'string' ? detail.declaredName : '',
            areaName: typeof detail.areaName === 'string' ? detail.areaName : '',
            similarity: typeof detail.similarity === 'number' ? decimal(detail.similarity) : '—',
          })}
        </>
      );
    case 'unknown_area_code':
    case 'no_location':
    case 'outside_any_area':
      return <>{t(`reviews.explain.${review.kind}`)}</>;
  }
}

/** What was declared, where the point lies, and what the importer made of it. */
export function ReviewDescription({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const { decimal } = useFormatters();
  const school = review.school;
  const point =
    school && school.lon !== null && school.lat !== null
      ? t('reviews.point', { lat: decimal(school.lat), lon: decimal(school.lon) })
      : t('reviews.noPoint');
  const rows = [
    { key: 'declared', label: t('reviews.declared'), value: <DeclaredAreas declared={review.declared} /> },
    { key: 'point', label: t('reviews.location'), value: point },
    {
      key: 'found',
      label: t('reviews.foundArea'),
      value: review.foundArea ? namedAreaLabel(review.foundArea, i18n.language) : t('reviews.inNoArea'),
    },
    {
      key: 'placed',
      label: t('reviews.placedIn'),
      value: school?.area ? namedAreaLabel(school.area, i18n.language) : t('reviews.notPlaced'),
    },
    { key: 'detail', label: t('reviews.detail'), value: <Explanation review={review} /> },
  ];
  return <DetailsRows rows={rows} />;
}
