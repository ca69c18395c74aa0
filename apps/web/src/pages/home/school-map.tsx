import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { emptyMapStyle, INDIA_CENTER, INDIA_ZOOM } from './map-style';

maplibregl.setWorkerUrl(workerUrl);

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
      locale: {
        'Map.Title': t('map.label'),
        'NavigationControl.ZoomIn': t('map.zoomIn'),
        'NavigationControl.ZoomOut': t('map.zoomOut'),
        'NavigationControl.ResetBearing': t('map.resetBearing'),
        'CooperativeGesturesHandler.WindowsHelpText': t('map.gestureHelpDesktop'),
        'CooperativeGesturesHandler.MacHelpText': t('map.gestureHelpMac'),
        'CooperativeGesturesHandler.MobileHelpText': t('map.gestureHelpMobile'),
      },
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
