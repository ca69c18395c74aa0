import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { AffectedSchool } from './types';

/** Stops of a colour ramp: value → colour, ascending. */
export type Ramp = readonly (readonly [number, string])[];

// The colours of the USGS ShakeMap intensity scale, so responders read the map as they read ShakeMap's.
export const MMI_RAMP: Ramp = [
  [1, '#ffffff'],
  [2, '#bfccff'],
  [3, '#a0e6ff'],
  [4, '#80ffff'],
  [5, '#7aff93'],
  [6, '#ffff00'],
  [7, '#ffc800'],
  [8, '#ff9100'],
  [9, '#ff0000'],
  [10, '#c80000'],
];

// Sustained wind in m/s at the Saffir–Simpson thresholds (tropical storm 18, then categories 1 to 5).
export const WIND_RAMP: Ramp = [
  [10, '#e0f3f8'],
  [18, '#91bfdb'],
  [33, '#fee090'],
  [43, '#fc8d59'],
  [50, '#e34a33'],
  [58, '#b30000'],
  [70, '#67001f'],
];

const GENERIC_COLOURS = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];

/** A ramp from the smallest to the largest value, for measures without a conventional scale. */
export function genericRamp(values: readonly number[]): Ramp {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [[0, GENERIC_COLOURS[2] ?? '#fd8d3c']];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min === max) return [[min, GENERIC_COLOURS[3] ?? '#d94801']];
  const step = (max - min) / (GENERIC_COLOURS.length - 1);
  return GENERIC_COLOURS.map((colour, i) => [min + i * step, colour] as const);
}

/** The ramp for an event's intensity measure; `values` only matter when the measure has no conventional scale. */
export function rampFor(imt: string, values: readonly number[]): Ramp {
  if (imt === 'MMI') return MMI_RAMP;
  if (imt === 'WIND') return WIND_RAMP;
  return genericRamp(values);
}

/** A MapLibre expression colouring features by their `value` along a ramp. */
export function rampExpression(ramp: Ramp): ExpressionSpecification | string {
  const first = ramp[0];
  if (!first) return '#fd8d3c';
  if (ramp.length === 1) return first[1];
  return ['interpolate', ['linear'], ['to-number', ['get', 'value'], first[0]], ...ramp.flat()] as ExpressionSpecification;
}

// Band 0 is below the first threshold; the colours darken as more thresholds are reached.
export const BAND_COLOURS = ['#4d9221', '#fee08b', '#fdae61', '#f46d43', '#d73027', '#a50026', '#67001f'];

export function bandColour(band: number): string {
  return BAND_COLOURS[Math.max(0, Math.min(band, BAND_COLOURS.length - 1))] ?? '#67001f';
}

export function bandExpression(): ExpressionSpecification {
  const steps = BAND_COLOURS.slice(1).flatMap((colour, i) => [i + 1, colour]);
  return ['step', ['get', 'band'], BAND_COLOURS[0] ?? '#4d9221', ...steps] as ExpressionSpecification;
}

/** Values of the grid cells and footprints in an event's display, for a generic ramp. */
export function displayValues(display: FeatureCollection): number[] {
  const values: number[] = [];
  for (const feature of display.features) {
    const value: unknown = feature.properties?.value;
    if (typeof value === 'number') values.push(value);
  }
  return values;
}

/** The display as sent, when it is a FeatureCollection; anything else draws nothing rather than failing. */
export function asFeatureCollection(display: Record<string, unknown>): FeatureCollection {
  if (display.type === 'FeatureCollection' && Array.isArray(display.features)) return display as unknown as FeatureCollection;
  return { type: 'FeatureCollection', features: [] };
}

type Bbox = [number, number, number, number];

/** `[w, s, e, n]` of every position in the features, or null when there is none. */
export function featuresBbox(collection: FeatureCollection): Bbox | null {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    const [x, y] = c as unknown[];
    if (typeof x === 'number' && typeof y === 'number') {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
      return;
    }
    for (const inner of c) visit(inner);
  };
  for (const feature of collection.features) if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
  return Number.isFinite(box[0]) ? box : null;
}

/** `[w, s, e, n]` of the display: the server's when usable, else worked out from its shapes. */
export function displayBbox(display: Record<string, unknown>): Bbox | null {
  const bbox = display.bbox;
  if (Array.isArray(bbox) && bbox.length >= 4 && bbox.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const [w, s, e, n] = bbox as number[];
    return [w ?? 0, s ?? 0, e ?? 0, n ?? 0];
  }
  return featuresBbox(asFeatureCollection(display));
}

/** Affected schools with coordinates as points carrying what the map colours and labels them by. */
export function schoolFeatures(schools: readonly AffectedSchool[]): FeatureCollection {
  const features: Feature[] = [];
  for (const school of schools) {
    if (school.lon === null || school.lat === null) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [school.lon, school.lat] },
      properties: { id: school.schoolId, code: school.code, name: school.name, band: school.band, intensity: school.intensity },
    });
  }
  return { type: 'FeatureCollection', features };
}
