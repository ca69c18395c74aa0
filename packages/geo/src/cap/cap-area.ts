import { GeoInputError, type GeoWarning } from '../errors.js';
import type { CapCircle, LonLat, NamedValue } from './cap-types.js';
import { shown } from './cap-rules.js';

// Plain decimal degrees or km: Number() alone would also take "", "0x1F" and "1e2", which no CAP sender means.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

function decimal(text: string | undefined): number {
  return text !== undefined && DECIMAL.test(text) ? Number(text) : Number.NaN;
}

function coordinate(pair: string, where: string, code: 'POLYGON_INVALID' | 'CIRCLE_INVALID'): LonLat {
  const parts = pair.split(',');
  const lat = decimal(parts[0]);
  const lon = decimal(parts[1]);
  if (parts.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new GeoInputError(code, `${where}: "${shown(pair)}" is not a "lat,lon" pair.`);
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new GeoInputError(code, `${where}: "${shown(pair)}" is outside the range of latitude/longitude.`);
  }
  return [lon, lat];
}

/**
 * CAP polygons are space-separated "lat,lon" pairs, first equal to last, at least four pairs (CAP 1.2 §3.2.4).
 * Converted to [lon, lat]. An unclosed ring is refused rather than closed: it is what a ring cut short looks
 * like, and closing it would draw an area the sender never meant (see cap-rules.ts).
 */
export function parseCapPolygon(text: string, where: string): LonLat[] {
  const ring = text
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '')
    .map((p) => coordinate(p, where, 'POLYGON_INVALID'));
  if (ring.length < 4) {
    throw new GeoInputError(
      'POLYGON_INVALID',
      `${where}: a polygon needs at least 4 points (first = last); it has ${ring.length}.`,
    );
  }
  const first = ring[0] as LonLat;
  const last = ring[ring.length - 1] as LonLat;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new GeoInputError(
      'POLYGON_NOT_CLOSED',
      `${where}: the polygon's last point is not its first, so it may have been cut short.`,
    );
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
  if (parts.length !== 2) throw new GeoInputError('CIRCLE_INVALID', `${where}: "${shown(text.trim())}" is not "lat,lon radius".`);
  const [lon, lat] = coordinate(parts[0] ?? '', where, 'CIRCLE_INVALID');
  const radiusKm = decimal(parts[1]);
  if (!Number.isFinite(radiusKm) || radiusKm < 0) {
    throw new GeoInputError('CIRCLE_INVALID', `${where}: radius "${shown(parts[1] ?? '')}" is not a non-negative number of km.`);
  }
  if (radiusKm === 0) {
    warnings.push({
      code: 'CAP_CIRCLE_ZERO_RADIUS',
      message: `${where}: the circle has radius 0 (a point); it covers no school unless a minimum radius is applied.`,
    });
  }
  return { lon, lat, radiusKm };
}

/** Geocodes with both valueName and value; a pair missing either names no area and is dropped with a warning. */
export function completeGeocodes(codes: NamedValue[], where: string, warnings: GeoWarning[]): NamedValue[] {
  const complete = codes.filter((c) => c.valueName !== '' && c.value !== '');
  if (complete.length < codes.length) {
    warnings.push({
      code: 'CAP_GEOCODE_INVALID',
      message: `${where}: ${codes.length - complete.length} geocode(s) lack a valueName or value and were left out.`,
    });
  }
  return complete;
}
