import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mapLocale, maplibregl } from '../../components/map-setup';
import { emptyMapStyle } from '../home/map-style';
import { boundsOf, cachedDistrictShapes, reviewOutlines } from './review-outlines';
import type { Review } from './types';

const POINT_ZOOM = 11;
const DECLARED_COLOUR = '#b35900';
const FOUND_COLOUR = '#0b5d4b';

/** Draws the outlines (declared dashed, found solid) and the school's point on a loaded map. */
function addLayers(map: MapLibreMap, outlines: FeatureCollection, point: [number, number] | null): void {
  map.addSource('outlines', { type: 'geojson', data: outlines });
  map.addLayer({
    id: 'outline-declared',
    type: 'line',
    source: 'outlines',
    filter: ['==', ['get', 'role'], 'declared'],
    paint: { 'line-color': DECLARED_COLOUR, 'line-width': 2.5, 'line-dasharray': [2, 1] },
  });
  map.addLayer({
    id: 'outline-found',
    type: 'line',
    source: 'outlines',
    filter: ['==', ['get', 'role'], 'found'],
    paint: { 'line-color': FOUND_COLOUR, 'line-width': 2.5 },
  });
  if (!point) return;
  map.addSource('school', {
    type: 'geojson',
    data: { type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: {} },
  });
  map.addLayer({
    id: 'school',
    type: 'circle',
    source: 'school',
    paint: { 'circle-radius': 8, 'circle-color': '#1f3a93', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  });
}

/**
 * The school's point with the declared and found districts' outlines when the roll-up has their shapes (a state or
 * an area without geometry is simply not drawn). Loaded lazily with MapLibre.
 */
export function ReviewMap({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [outlines, setOutlines] = useState<FeatureCollection | null>(null);
  const school = review.school;
  const point: [number, number] | null = school && school.lon !== null && school.lat !== null ? [school.lon, school.lat] : null;
  const [lon, lat] = point ?? [null, null];

  useEffect(() => {
    let live = true;
    cachedDistrictShapes().then(
      (shapes) => live && setOutlines(reviewOutlines(shapes, review)),
      // Without shapes the point alone is still worth showing.
      () => live && setOutlines({ type: 'FeatureCollection', features: [] }),
    );
    return () => {
      live = false;
    };
  }, [review]);

  useEffect(() => {
    const element = container.current;
    if (!element || !outlines) return;
    const here: [number, number] | null = lon === null || lat === null ? null : [lon, lat];
    const bounds = boundsOf(outlines, here);
    const map = new maplibregl.Map({
      container: element,
      style: emptyMapStyle(),
      center: here ?? [0, 0],
      zoom: here ? POINT_ZOOM : 1,
      attributionControl: false,
      locale: mapLocale(t, t('reviews.map.label', { name: school?.name ?? '' })),
      cooperativeGestures: true,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    if (bounds && outlines.features.length > 0) map.fitBounds(bounds, { padding: 24, animate: false, maxZoom: POINT_ZOOM });
    map.on('load', () => addLayers(map, outlines, here));
    return () => map.remove();
  }, [t, i18n.language, outlines, lon, lat, school?.name]);

  return (
    <figure className="stack">
      <div ref={container} className="map small-map" />
      <figcaption className="small muted">
        <span style={{ color: FOUND_COLOUR }}>{t('reviews.map.found')}</span>
        {t('common.listSeparator')}
        <span style={{ color: DECLARED_COLOUR }}>{t('reviews.map.declared')}</span>
        {t('common.listSeparator')}
        <span style={{ color: '#1f3a93' }}>{t('reviews.map.point')}</span>
      </figcaption>
    </figure>
  );
}
