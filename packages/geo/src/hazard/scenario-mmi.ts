import { GeoInputError } from '../errors.js';
import { DEG, EARTH_RADIUS_KM } from '../spatial/haversine.js';

// Atkinson, Worden & Wald (2014), "Intensity prediction equations for North America", BSSA 104(6),
// 3084-3093, eq. 1 with the coefficients of their Table 1:
//   MMI = c1 + c2 M + c3 log10 R + c4 R + c5 B + c6 M log10 R,  B = max(0, log10(R/50)),
//   R = sqrt(D² + h²), h = max(1, 10^(-1.72 + 0.43 M)) (near-source saturation term).
// D is taken here as the hypocentral distance. Western (active-crust) form, no ENA correction.
const C1 = 0.309;
const C2 = 1.864;
const C3 = -1.672;
const C4 = -0.00219;
const C5 = 1.77;
const C6 = -0.383;

export function aww2014Mmi(magnitude: number, hypoDistanceKm: number): number {
  const h = Math.max(1, 10 ** (-1.72 + 0.43 * magnitude));
  const r = Math.sqrt(hypoDistanceKm * hypoDistanceKm + h * h);
  const logR = Math.log10(r);
  const b = Math.max(0, Math.log10(r / 50));
  const mmi = C1 + C2 * magnitude + C3 * logR + C4 * r + C5 * b + C6 * magnitude * logR;
  return Math.min(12, Math.max(1, mmi));
}

/** Scenario MMI at every point from an epicentre, depth and magnitude (AWW2014 IPE). */
export function scenarioMmi(lon: Float64Array, lat: Float64Array, epicentre: { lon: number; lat: number }, depthKm: number, magnitude: number): Float32Array {
  if (![epicentre.lon, epicentre.lat, depthKm, magnitude].every(Number.isFinite) || depthKm < 0 || magnitude < 2 || magnitude > 9.8) {
    throw new GeoInputError('HAZARD_INVALID', `A scenario needs a lon/lat epicentre, depth >= 0 km and 2 <= M <= 9.8 (got M ${magnitude}, depth ${depthKm}).`);
  }
  const out = new Float32Array(lon.length);
  const cosLat0 = Math.cos(epicentre.lat * DEG);
  for (let i = 0; i < lon.length; i++) {
    const y = lat[i] as number;
    const s1 = Math.sin((y - epicentre.lat) * DEG * 0.5);
    const s2 = Math.sin(((lon[i] as number) - epicentre.lon) * DEG * 0.5);
    const a = s1 * s1 + cosLat0 * Math.cos(y * DEG) * s2 * s2;
    const epi = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    out[i] = Number.isFinite(epi) ? aww2014Mmi(magnitude, Math.sqrt(epi * epi + depthKm * depthKm)) : Number.NaN;
  }
  return out;
}
