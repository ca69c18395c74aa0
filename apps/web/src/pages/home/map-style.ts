import type { StyleSpecification } from 'maplibre-gl';

export const INDIA_CENTER: [number, number] = [80.5, 22.5];
export const INDIA_ZOOM = 3.6;

/** A background and an empty GeoJSON `schools` source with a circle layer: no external tiles or glyphs. */
export function emptyMapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      schools: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dcebe6' } },
      {
        id: 'schools',
        type: 'circle',
        source: 'schools',
        paint: {
          'circle-radius': 4,
          'circle-color': '#0b5d4b',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      },
    ],
  };
}
