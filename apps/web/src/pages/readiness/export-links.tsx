import { useTranslation } from 'react-i18next';
import { exportReadiness } from '@safeschools/contract';

const formats = ['csv', 'hxl', 'xlsx'] as const;

/** Where the readiness of every school of the area shown downloads from; the session cookie authorises it. */
function readinessExportHref(format: (typeof formats)[number], area: string): string {
  const query = new URLSearchParams({ format });
  if (area) query.set('area', area);
  return `${exportReadiness.path}?${query.toString()}`;
}

/** Downloads of the readiness of the area shown: CSV, CSV with an HXL hashtag row, XLSX. */
export function ExportLinks({ area }: { area: string }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="readiness-export-title">
      <h2 id="readiness-export-title">{t('readiness.exportTitle')}</h2>
      <p className="muted">{t('readiness.exportHint')}</p>
      <p className="button-row">
        {formats.map((format) => (
          <a key={format} className="button secondary small" href={readinessExportHref(format, area)} download>
            {t(`readiness.exportAs.${format}`)}
          </a>
        ))}
      </p>
    </section>
  );
}
