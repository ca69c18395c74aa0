import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { TFunction } from 'i18next';

// Only modules loaded lazily import this one, so MapLibre stays in its own chunk.
maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };

/** MapLibre's own control labels, in the interface language. */
export function mapLocale(t: TFunction, title: string): Record<string, string> {
  return {
    'Map.Title': title,
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
    'NavigationControl.ResetBearing': t('map.resetBearing'),
    'CooperativeGesturesHandler.WindowsHelpText': t('map.gestureHelpDesktop'),
    'CooperativeGesturesHandler.MacHelpText': t('map.gestureHelpMac'),
    'CooperativeGesturesHandler.MobileHelpText': t('map.gestureHelpMobile'),
  };
}
