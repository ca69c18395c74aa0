import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { mapLocale, maplibregl } from '../../components/map-setup';
import { schoolPointStyle } from '../home/map-style';

const ZOOM = 11;

/** A small map with one school's point, on the home map's tile-free style. Loaded lazily with MapLibre. */
export function SchoolPointMap({ lon, lat, name }: { lon: number; lat: number; name: string }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: schoolPointStyle(lon, lat),
      center: [lon, lat],
      zoom: ZOOM,
      attributionControl: false,
      locale: mapLocale(t, t('school.mapLabel', { name })),
      cooperativeGestures: true,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    return () => map.remove();
  }, [t, i18n.language, lon, lat, name]);

  return <div ref={container} className="map small-map" />;
}
