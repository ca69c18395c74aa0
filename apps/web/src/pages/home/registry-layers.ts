import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';

const GREEN = '#0b5d4b';

/**
 * The registry on the map: districts shaded by number of schools (a GeoJSON of simplified shapes from the
 * roll-up) under the server's school vector tiles, clusters below zoom 9 and single schools above. Tiles are
 * same-origin and carry the session cookie, so each user sees only the schools in their scope.
 */
export function addRegistryLayers(map: MapLibreMap, origin: string, districts: FeatureCollection): void {
  map.addSource('districts', { type: 'geojson', data: districts });
  map.addLayer({
    id: 'district-fill',
    type: 'fill',
    source: 'districts',
    paint: {
      'fill-color': ['step', ['get', 'schools'], '#f4f7f6', 1, '#cfe6de', 100, '#9fd0bf', 500, '#5fae94', 2000, '#2f8669'],
      'fill-opacity': 0.7,
    },
  });
  map.addLayer({ id: 'district-line', type: 'line', source: 'districts', paint: { 'line-color': '#7a9a90', 'line-width': 0.5 } });
  map.addSource('schools', {
    type: 'vector',
    tiles: [`${origin}/api/v1/tiles/schools/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: 14,
  });
  map.addLayer({
    id: 'school-clusters',
    type: 'circle',
    source: 'schools',
    'source-layer': 'schools',
    filter: ['has', 'count'],
    paint: {
      'circle-color': GREEN,
      'circle-opacity': 0.75,
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 3, 10, 10, 100, 28],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  });
  map.addLayer({
    id: 'school-points',
    type: 'circle',
    source: 'schools',
    'source-layer': 'schools',
    filter: ['!', ['has', 'count']],
    paint: { 'circle-color': GREEN, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  });
}
