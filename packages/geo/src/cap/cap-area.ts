import { GeoInputError, type GeoWarning } from '../errors.js';
import type { CapCircle, LonLat } from './cap-types.js';

function coordinate(pair: string, where: string, code: 'POLYGON_INVALID' | 'CIRCLE_INVALID'): LonLat {
  const parts = pair.split(',');
  const lat = Number(parts[0]);
  const lon = Number(parts[1]);
  if (parts.length !== 2 || parts[0]?.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new GeoInputError(code, `${where}: "${pair}" is not a "lat,lon" pair.`);
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new GeoInputError(code, `${where}: "${pair}" is outside the range of latitude/longitude.`);
  }
  return [lon, lat];
}

/**
 * CAP polygons are space-separated "lat,lon" pairs, first equal to last, at least four pairs (CAP 1.2 §3.2.4).
 * Converted to [lon, lat]. An unclosed ring is closed with a warning (common in the wild); fewer than four
 * points cannot be a ring and is refused.
 */
export function parseCapPolygon(text: string, where: string, warnings: GeoWarning[]): LonLat[] {
  const ring = text
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '')
    .map((p) => coordinate(p, where, 'POLYGON_INVALID'));
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push([first[0], first[1]]);
    warnings.push({ code: 'POLYGON_CLOSED', message: `${where}: the polygon was not closed; its first point was repeated at the end.` });
  }
  if (ring.length < 4) {
    throw new GeoInputError('POLYGON_INVALID', `${where}: a polygon needs at least 4 points (first = last); it has ${ring.length}.`);
  }
  return ring;
}

/**
 * CAP circles are "lat,lon radius" with the radius in km (CAP 1.2 §3.2.4). A zero radius is legal CAP for a
 * point; it is kept as radius 0 with a warning, and the impact engine applies its own minimum radius (or the
 * caller uses areaDesc/geocodes), because a point alone covers no school.
 */
export function parseCapCircle(text: string, where: string, warnings: GeoWarning[]): CapCircle {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2) throw new GeoInputError('CIRCLE_INVALID', `${where}: "${text.trim()}" is not "lat,lon radius".`);
  const [lon, lat] = coordinate(parts[0] ?? '', where, 'CIRCLE_INVALID');
  const radiusKm = Number(parts[1]);
  if (!Number.isFinite(radiusKm) || radiusKm < 0) {
    throw new GeoInputError('CIRCLE_INVALID', `${where}: radius "${parts[1]}" is not a non-negative number of km.`);
  }
  if (radiusKm === 0) {
    warnings.push({ code: 'CAP_CIRCLE_ZERO_RADIUS', message: `${where}: the circle has radius 0 (a point); it covers no school unless a minimum radius is applied.` });
  }
  return { lon, lat, radiusKm };
}
