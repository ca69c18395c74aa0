import { GeoInputError } from '../errors.js';
import { circleBoxes, DEG, EARTH_RADIUS_KM } from './haversine.js';
import type { SchoolIndex } from './school-index.js';

/**
 * Schools within radiusKm (great-circle) of (lon, lat): KD-tree box prefilter, then the exact haversine test
 * (compared on the haversine term, so no asin per point). Returns school positions, unsorted.
 */
export function withinCircle(index: SchoolIndex, lon: number, lat: number, radiusKm: number): Uint32Array {
  if (![lon, lat, radiusKm].every(Number.isFinite) || radiusKm < 0 || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new GeoInputError('CIRCLE_INVALID', `A circle needs a lon/lat centre and a radius >= 0 km (got ${lon}, ${lat}, ${radiusKm}).`);
  }
  const s = Math.sin(Math.min(Math.PI, radiusKm / EARTH_RADIUS_KM) / 2);
  const limit = s * s;
  const cosLat = Math.cos(lat * DEG);
  const xs = index.lon;
  const ys = index.lat;
  const out: number[] = [];
  for (const [w, so, e, no] of circleBoxes(lon, lat, radiusKm)) {
    for (const i of index.kd.range(w, so, e, no)) {
      const y = ys[i] as number;
      const s1 = Math.sin((y - lat) * DEG * 0.5);
      const s2 = Math.sin(((xs[i] as number) - lon) * DEG * 0.5);
      if (s1 * s1 + cosLat * Math.cos(y * DEG) * s2 * s2 <= limit) out.push(i);
    }
  }
  return Uint32Array.from(out);
}
