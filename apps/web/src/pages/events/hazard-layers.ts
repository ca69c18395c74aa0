import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { bandExpression, rampExpression, type Ramp } from './hazard-style';

export const SCHOOLS_SOURCE = 'affected-schools';
export const SCHOOLS_LAYER = 'affected-schools';

const role = (...roles: string[]): FilterSpecification => ['in', ['get', 'role'], ['literal', roles]];

/**
 * The hazard under the schools: grid cells on a colour ramp, footprints and circles as translucent fills
 * (coloured by value when they carry one), the track as a line with its points, the epicentre as a star-like
 * dot; then the affected schools coloured by band on top, so no hazard shape hides a school.
 */
export function addHazardLayers(map: MapLibreMap, display: FeatureCollection, ramp: Ramp, schools: FeatureCollection): void {
  const colour = rampExpression(ramp);
  map.addSource('hazard', { type: 'geojson', data: display });
  map.addLayer({
    id: 'hazard-cells',
    type: 'fill',
    source: 'hazard',
    filter: role('cell'),
    paint: { 'fill-color': colour, 'fill-opacity': 0.6 },
  });
  map.addLayer({
    id: 'hazard-areas',
    type: 'fill',
    source: 'hazard',
    filter: role('footprint', 'circle'),
    paint: { 'fill-color': ['case', ['has', 'value'], colour, '#e34a33'], 'fill-opacity': 0.3 },
  });
  map.addLayer({
    id: 'hazard-area-outlines',
    type: 'line',
    source: 'hazard',
    filter: role('footprint', 'circle'),
    paint: { 'line-color': '#b30000', 'line-width': 1.5 },
  });
  map.addLayer({
    id: 'hazard-track',
    type: 'line',
    source: 'hazard',
    filter: role('track'),
    paint: { 'line-color': '#40004b', 'line-width': 2.5 },
  });
  map.addLayer({
    id: 'hazard-track-points',
    type: 'circle',
    source: 'hazard',
    filter: role('trackPoint'),
    paint: { 'circle-radius': 2.5, 'circle-color': '#ffffff', 'circle-stroke-color': '#40004b', 'circle-stroke-width': 1.5 },
  });
  map.addLayer({
    id: 'hazard-epicentre',
    type: 'circle',
    source: 'hazard',
    filter: role('epicentre'),
    paint: { 'circle-radius': 7, 'circle-color': '#000000', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
  });
  map.addSource(SCHOOLS_SOURCE, { type: 'geojson', data: schools });
  map.addLayer({
    id: SCHOOLS_LAYER,
    type: 'circle',
    source: SCHOOLS_SOURCE,
    paint: {
      'circle-radius': 6,
      'circle-color': bandExpression(),
      'circle-stroke-color': '#1b1b1b',
      'circle-stroke-width': 1,
    },
  });
}
