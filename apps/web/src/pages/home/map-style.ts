import type { StyleSpecification } from 'maplibre-gl';

export const INDIA_CENTER: [number, number] = [80.5, 22.5];
export const INDIA_ZOOM = 3.6;

/** A background only: no external tiles or glyphs. The registry layers are added to it (registry-layers.ts). */
export function emptyMapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dcebe6' } }],
  };
}

/** The tile-free style with one school's point in a `school` source, drawn as a larger circle. */
export function schoolPointStyle(lon: number, lat: number): StyleSpecification {
  const style = emptyMapStyle();
  style.sources.school = {
    type: 'geojson',
    data: { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} },
  };
  style.layers.push({
    id: 'school',
    type: 'circle',
    source: 'school',
    paint: { 'circle-radius': 8, 'circle-color': '#0b5d4b', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  });
  return style;
}
