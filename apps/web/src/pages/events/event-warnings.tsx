import { useTranslation } from 'react-i18next';
import type { HazardEvent } from './types';

/**
 * What the server noticed while reading the hazard or assessing damage. The explanation is translated by
 * code; the server's own sentence (English, with the specifics such as which typologies) follows it.
 */
export function EventWarnings({ warnings }: { warnings: HazardEvent['warnings'] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <section className="warning" aria-labelledby="event-warnings-title">
      <h2 id="event-warnings-title">{t('events.warnings.title', { count: warnings.length })}</h2>
      <ul>
        {warnings.map((warning, i) => (
          <li key={`${warning.code}-${i}`}>
            {i18n.exists(`events.warnings.codes.${warning.code}`)
              ? t(`events.warnings.codes.${warning.code}`)
              : t('events.warnings.other', { code: warning.code })}{' '}
            <span className="muted small" lang="en">
              {warning.message}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
