import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { mapLocale, maplibregl } from '../../components/map-setup';
import { emptyMapStyle, INDIA_CENTER, INDIA_ZOOM } from './map-style';
import { addRegistryLayers } from './registry-layers';
import { loadDistrictShapes } from './district-shapes';
import { schoolPopup } from './school-popup';

/**
 * The national map of schools: district choropleth and the server's school tiles (clusters at low zoom).
 * Nothing is fetched from outside the origin (CSP connect-src 'self'); there is no base map yet.
 */
export function SchoolMap() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
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
    const shapes = loadDistrictShapes(i18n.language).catch(() => ({ type: 'FeatureCollection' as const, features: [] }));
    map.on('load', () => {
      void shapes.then((districts) => {
        addRegistryLayers(map, window.location.origin, districts);
        map.on('click', 'school-points', (event) => {
          const feature = event.features?.[0];
          const id = feature?.properties?.id as string | undefined;
          if (!feature || !id) return;
          const name = String(feature.properties.name ?? '');
          new maplibregl.Popup({ closeButton: true })
            .setLngLat(event.lngLat)
            .setDOMContent(schoolPopup(name, `/schools/${id}`, t('map.openSchool'), (href) => void navigate(href)))
            .addTo(map);
        });
        map.on('click', 'school-clusters', (event) => {
          map.easeTo({ center: event.lngLat, zoom: map.getZoom() + 2 });
        });
      });
    });
    return () => map.remove();
    // Rebuilt when the language changes so the controls' labels follow it.
  }, [t, i18n.language, navigate]);

  // MapLibre labels its canvas itself (role="region", "Map.Title" above).
  return (
    <>
      <div ref={container} className="map" />
      <p className="muted small">{t('map.legend')}</p>
    </>
  );
}
