import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { mapLocale, maplibregl } from '../../components/map-setup';
import { emptyMapStyle, INDIA_CENTER, INDIA_ZOOM } from './map-style';

/**
 * The map of schools. For now a tile-free style centred on India with an empty `schools` source, which the
 * registry work fills; nothing is fetched from outside the origin (CSP connect-src 'self').
 */
export function SchoolMap() {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: emptyMapStyle(),
      center: INDIA_CENTER,
      zoom: INDIA_ZOOM,
      attributionControl: false,
      locale: mapLocale(t, t('map.label')),
      cooperativeGestures: true,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    return () => map.remove();
    // Rebuilt when the language changes so the controls' labels follow it.
  }, [t, i18n.language]);

  // MapLibre labels its canvas itself (role="region", "Map.Title" above).
  return (
    <>
      <div ref={container} className="map" />
      <p className="muted small">{t('map.placeholderNote')}</p>
    </>
  );
}
