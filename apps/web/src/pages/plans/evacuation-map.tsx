import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { mapLocale, maplibregl } from '../../components/map-setup';
import { emptyMapStyle } from '../home/map-style';
import type { PlanContent } from './types';

type LonLat = [number, number];

export interface EvacuationMapProps {
  center: LonLat;
  routes: PlanContent['evacuationRoutes'];
  points: PlanContent['assemblyPoints'];
  /** The route being drawn, shown dashed until it is finished. */
  draft: readonly LonLat[];
  onClick: (lonLat: LonLat) => void;
}

const ZOOM = 16;

function drawData(map: MapLibreMap, data: ReturnType<typeof features>): void {
  // Undefined until the style has loaded; the load handler draws then.
  const source = map.getSource<GeoJSONSource>('plan');
  void source?.setData(data);
}

function features(routes: EvacuationMapProps['routes'], points: EvacuationMapProps['points'], draft: readonly LonLat[]) {
  return {
    type: 'FeatureCollection' as const,
    features: [
      ...routes.map((r) => ({ type: 'Feature' as const, properties: { kind: 'route' }, geometry: { type: 'LineString' as const, coordinates: r.coordinates.map((c) => [...c]) } })),
      ...(draft.length > 0
        ? [{ type: 'Feature' as const, properties: { kind: 'draft' }, geometry: { type: 'LineString' as const, coordinates: draft.map((c) => [...c]) } }]
        : []),
      ...draft.map((c) => ({ type: 'Feature' as const, properties: { kind: 'vertex' }, geometry: { type: 'Point' as const, coordinates: [...c] } })),
      ...points.map((p) => ({ type: 'Feature' as const, properties: { kind: 'assembly' }, geometry: { type: 'Point' as const, coordinates: [...p.point] } })),
    ],
  };
}

/** Routes and assembly points over the school; a click is handed to the section, which decides what it adds. */
export function EvacuationMap({ center, routes, points, draft, onClick }: EvacuationMapProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const data = useRef(features(routes, points, draft));
  data.current = features(routes, points, draft);

  useEffect(() => {
    if (!container.current) return;
    const style = emptyMapStyle();
    style.sources.plan = { type: 'geojson', data: data.current };
    style.layers.push(
      { id: 'routes', type: 'line', source: 'plan', filter: ['==', ['get', 'kind'], 'route'], paint: { 'line-color': '#0b5d4b', 'line-width': 4 } },
      { id: 'draft', type: 'line', source: 'plan', filter: ['==', ['get', 'kind'], 'draft'], paint: { 'line-color': '#b35c00', 'line-width': 3, 'line-dasharray': [2, 1] } },
      { id: 'vertices', type: 'circle', source: 'plan', filter: ['==', ['get', 'kind'], 'vertex'], paint: { 'circle-radius': 4, 'circle-color': '#b35c00' } },
      {
        id: 'assembly',
        type: 'circle',
        source: 'plan',
        filter: ['==', ['get', 'kind'], 'assembly'],
        paint: { 'circle-radius': 9, 'circle-color': '#1f6feb', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
      },
    );
    const instance = new maplibregl.Map({
      container: container.current,
      style,
      center,
      zoom: ZOOM,
      attributionControl: false,
      locale: mapLocale(t, t('plan.map.title')),
    });
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    instance.on('click', (event) => click.current([event.lngLat.lng, event.lngLat.lat]));
    // Points added before the style finished loading are drawn once it has.
    instance.on('load', () => drawData(instance, data.current));
    map.current = instance;
    return () => {
      map.current = null;
      instance.remove();
    };
    // The map is rebuilt only when the place or language changes; data changes go through setData below.
  }, [t, i18n.language, center[0], center[1]]);

  useEffect(() => {
    if (map.current) drawData(map.current, data.current);
  }, [routes, points, draft]);

  return <div ref={container} className="map" />;
}
