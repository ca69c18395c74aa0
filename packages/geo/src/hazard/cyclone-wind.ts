import type { CycloneTrack } from '../cyclone/track-types.js';
import { DEG, EARTH_RADIUS_KM } from '../spatial/haversine.js';
import type { SchoolIndex } from '../spatial/school-index.js';
import { hollandB2008, hollandBPowell2005, hollandSpeed, radiusForSpeed, rmaxWilloughby2006Km } from './holland-wind.js';
import { interpolateTrack, type TrackStep } from './interpolate-track.js';

export interface CycloneWindOptions {
  /** Hours between interpolated positions; default 1. */
  stepHours?: number;
  /** Winds below this (m/s) are not computed and read as 0; default 15. */
  minWindMs?: number;
  /** Ambient pressure for Δp when the track has pressure; default 1010 hPa. */
  ambientHpa?: number;
}

export interface StepModel {
  vSym: number;
  rmax: number;
  b: number;
  reachKm: number;
}

/**
 * Asymmetry: the translation vector is added with the Jelesnianski (1966) decay vt·Rm·r/(Rm² + r²), which is
 * vt/2 at Rm; the symmetric Vm is lowered by vt/2 so the peak on the strong side equals the best-track wind.
 */
export function stepModel(s: TrackStep, o: Required<CycloneWindOptions>): StepModel {
  const vt = Math.hypot(s.ve, s.vn);
  const vSym = Math.max(s.windMs - vt / 2, 0);
  const rmax = rmaxWilloughby2006Km(vSym, s.lat);
  const b = s.pressureHpa !== undefined ? hollandB2008(Math.max(o.ambientHpa - s.pressureHpa, 1), s.dpdt, s.lat, vt) : hollandBPowell2005(rmax, s.lat);
  const reachKm = vSym + vt / 2 < o.minWindMs ? 0 : radiusForSpeed(Math.max(o.minWindMs - vt / 2, 0.5), vSym, rmax, b);
  return { vSym, rmax, b, reachKm };
}

/** Total wind speed (m/s) at an east/north offset (km) from the centre of one step. */
export function windAt(dx: number, dy: number, s: TrackStep, m: StepModel): number {
  return windAtOffset(dx, dy, m.vSym, m.rmax, m.b, s.lat >= 0 ? 1 : -1, s.ve, s.vn);
}

export function windAtOffset(dx: number, dy: number, vSym: number, rmax: number, b: number, sign: number, ve: number, vn: number): number {
  const r = Math.sqrt(dx * dx + dy * dy);
  if (r < 1e-6) return 0;
  const v = hollandSpeed(r, vSym, rmax, b);
  // Counter-clockwise in the northern hemisphere (sign 1), clockwise in the southern.
  const decay = (rmax * r) / (rmax * rmax + r * r);
  const u = (sign * -dy * v) / r + ve * decay;
  const w = (sign * dx * v) / r + vn * decay;
  return Math.sqrt(u * u + w * w);
}

/** Brute force: every step, every school within reach. The reference the fast path is tested against. */
export function cyclonePeakWindReference(index: SchoolIndex, track: CycloneTrack, options: CycloneWindOptions = {}): Float32Array {
  const o = withDefaults(options);
  const peak = new Float32Array(index.size);
  const kmPerDegLat = EARTH_RADIUS_KM * DEG;
  for (const s of interpolateTrack(track.points, o.stepHours)) {
    const m = stepModel(s, o);
    if (m.reachKm <= 0) continue;
    const kmPerDegLon = kmPerDegLat * Math.cos(s.lat * DEG);
    for (let i = 0; i < index.size; i++) {
      if (!index.valid[i]) continue;
      const dx = ((index.lon[i] as number) - s.lon) * kmPerDegLon;
      const dy = ((index.lat[i] as number) - s.lat) * kmPerDegLat;
      if (dx * dx + dy * dy > m.reachKm * m.reachKm) continue;
      const v = windAt(dx, dy, s, m);
      if (v > (peak[i] as number)) peak[i] = v;
    }
  }
  for (let i = 0; i < peak.length; i++) if ((peak[i] as number) < o.minWindMs) peak[i] = 0;
  return peak;
}

export function withDefaults(options: CycloneWindOptions): Required<CycloneWindOptions> {
  return { stepHours: options.stepHours ?? 1, minWindMs: options.minWindMs ?? 15, ambientHpa: options.ambientHpa ?? 1010 };
}

/**
 * Peak wind on a regular lon/lat raster over the track (for display, e.g. contoured into a swath). Rows run
 * north to south like a ShakeMap grid, so it can be sampled with sampleGridValues.
 */
export function cycloneWindGrid(track: CycloneTrack, cellDeg = 0.05, options: CycloneWindOptions = {}) {
  const o = withDefaults(options);
  const steps = interpolateTrack(track.points, o.stepHours);
  const models = steps.map((s) => stepModel(s, o));
  const marginDeg = Math.max(1, ...models.map((m) => m.reachKm / 100));
  const lonMin = Math.min(...steps.map((s) => s.lon)) - marginDeg;
  const lonMax = Math.max(...steps.map((s) => s.lon)) + marginDeg;
  const latMin = Math.max(-89, Math.min(...steps.map((s) => s.lat)) - marginDeg);
  const latMax = Math.min(89, Math.max(...steps.map((s) => s.lat)) + marginDeg);
  const nlon = Math.floor((lonMax - lonMin) / cellDeg) + 1;
  const nlat = Math.floor((latMax - latMin) / cellDeg) + 1;
  const values = new Float32Array(nlon * nlat);
  const kmPerDegLat = EARTH_RADIUS_KM * DEG;
  steps.forEach((s, k) => {
    const m = models[k] as StepModel;
    if (m.reachKm <= 0) return;
    const kmPerDegLon = kmPerDegLat * Math.cos(s.lat * DEG);
    for (let row = 0; row < nlat; row++) {
      const lat = latMax - row * cellDeg;
      const dy = (lat - s.lat) * kmPerDegLat;
      if (Math.abs(dy) > m.reachKm) continue;
      for (let col = 0; col < nlon; col++) {
        const dx = (lonMin + col * cellDeg - s.lon) * kmPerDegLon;
        if (dx * dx + dy * dy > m.reachKm * m.reachKm) continue;
        const v = windAt(dx, dy, s, m);
        if (v > (values[row * nlon + col] as number)) values[row * nlon + col] = v;
      }
    }
  });
  const spec = { lonMin, latMin: latMax - (nlat - 1) * cellDeg, lonMax: lonMin + (nlon - 1) * cellDeg, latMax, nominalLonSpacing: cellDeg, nominalLatSpacing: cellDeg, nlon, nlat };
  return { spec, fields: { WIND: values } };
}
