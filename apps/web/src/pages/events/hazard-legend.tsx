import { useTranslation } from 'react-i18next';
import { asFeatureCollection, bandColour, displayValues, rampFor } from './hazard-style';
import { useEventLabels } from './use-event-labels';
import type { EventWithDisplay } from './types';

function Swatch({ colour }: { colour: string }) {
  // Colours are data here (ramps), so they are set inline rather than as classes.
  return (
    <span
      aria-hidden="true"
      style={{ display: 'inline-block', width: '1em', height: '1em', marginInlineEnd: '0.4em', verticalAlign: 'middle', background: colour, border: '1px solid #555' }}
    />
  );
}

/** The key to the map's colours: the hazard's ramp (when it has values) and the school bands with their thresholds. */
export function HazardLegend({ event }: { event: EventWithDisplay }) {
  const { t } = useTranslation();
  const labels = useEventLabels();
  const values = displayValues(asFeatureCollection(event.display));
  const ramp = values.length > 0 ? rampFor(event.imt, values) : [];
  const imt = labels.imt(event.imt);
  return (
    <div className="small">
      {ramp.length > 0 && (
        <>
          <p className="muted">{t('events.legend.hazard', { imt })}</p>
          <ul className="chips">
            {ramp.map(([value, colour]) => (
              <li key={value}>
                <Swatch colour={colour} />
                {labels.intensity(event.imt, value)}
              </li>
            ))}
          </ul>
        </>
      )}
      {event.bands.length > 0 && (
        <>
          <p className="muted">{t('events.legend.schools')}</p>
          <ul className="chips">
            {event.bands.map((threshold, i) => (
              <li key={threshold}>
                <Swatch colour={bandColour(i + 1)} />
                {t('events.legend.band', { band: i + 1, threshold: labels.intensity(event.imt, threshold) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
