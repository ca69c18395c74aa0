import { buildPath, exportEventSchools } from '@safeschools/contract';
import { useTranslation } from 'react-i18next';

const FORMATS = ['csv', 'hxl', 'geojson'] as const;

/** Plain links: the browser downloads with the session cookie, and the server streams the file. */
export function EventDownloads({ id }: { id: string }) {
  const { t } = useTranslation();
  const path = buildPath(exportEventSchools.path, { id });
  return (
    <ul>
      {FORMATS.map((format) => (
        <li key={format}>
          <a href={`${path}?format=${format}`} download>
            {t(`events.downloads.${format}`)}
          </a>
        </li>
      ))}
    </ul>
  );
}
