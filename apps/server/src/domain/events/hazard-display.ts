import type { GridSpec } from '@safeschools/geo';
import type { GeoJsonFeature } from './parsed-hazard.js';

// The map needs the hazard's shape, not its full resolution: a ShakeMap can hold a million cells, which no
// phone should download. Cells are merged into blocks of at most MAX_CELLS a side, keeping each block's maximum
// (the strongest shaking in it is what people look for).
const MAX_CELLS = 90;

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Grid values as merged cell polygons with `value`; cells below `minValue` or without data are left out. */
export function gridCells(spec: GridSpec, values: Float32Array, minValue: number): GeoJsonFeature[] {
  const block = Math.max(1, Math.ceil(Math.max(spec.nlon, spec.nlat) / MAX_CELLS));
  const dLon = spec.nlon > 1 ? (spec.lonMax - spec.lonMin) / (spec.nlon - 1) : spec.nominalLonSpacing;
  const dLat = spec.nlat > 1 ? (spec.latMax - spec.latMin) / (spec.nlat - 1) : spec.nominalLatSpacing;
  const features: GeoJsonFeature[] = [];
  for (let r0 = 0; r0 < spec.nlat; r0 += block) {
    for (let c0 = 0; c0 < spec.nlon; c0 += block) {
      let max = Number.NaN;
      for (let r = r0; r < Math.min(r0 + block, spec.nlat); r++) {
        for (let c = c0; c < Math.min(c0 + block, spec.nlon); c++) {
          const v = values[r * spec.nlon + c] as number;
          if (!(v <= max)) max = Number.isNaN(v) ? max : v;
        }
      }
      if (!(max >= minValue)) continue;
      const rows = Math.min(block, spec.nlat - r0);
      const cols = Math.min(block, spec.nlon - c0);
      // Each grid value stands for the cell centred on it.
      const west = round(spec.lonMin + (c0 - 0.5) * dLon, 4);
      const east = round(spec.lonMin + (c0 + cols - 0.5) * dLon, 4);
      const north = round(spec.latMax - (r0 - 0.5) * dLat, 4);
      const south = round(spec.latMax - (r0 + rows - 0.5) * dLat, 4);
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] },
        properties: { role: 'cell', value: round(max, 2) },
      });
    }
  }
  return features;
}

/** A circle of `radiusKm` as a 64-sided polygon (small-circle approximation; good to well under 1% below 500 km). */
export function circleRing(lon: number, lat: number, radiusKm: number, sides = 64): [number, number][] {
  const kmPerDegLat = 111.195;
  const kmPerDegLon = kmPerDegLat * Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const ring: [number, number][] = [];
  for (let k = 0; k <= sides; k++) {
    const a = ((k % sides) / sides) * 2 * Math.PI;
    ring.push([round(lon + (radiusKm * Math.sin(a)) / kmPerDegLon, 5), round(lat + (radiusKm * Math.cos(a)) / kmPerDegLat, 5)]);
  }
  return ring;
}

/** [west, south, east, north] of every position in the features, or undefined when there is none. */
export function bboxOf(features: GeoJsonFeature[]): [number, number, number, number] | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  for (const f of features) visit(f.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : undefined;
}
