import { DEG, EARTH_RADIUS_KM } from '../spatial/haversine.js';
import type { TrackPoint } from '../cyclone/track-types.js';

export interface TrackStep {
  time: number;
  lon: number;
  lat: number;
  windMs: number;
  pressureHpa?: number;
  /** Translation velocity east/north, m/s. */
  ve: number;
  vn: number;
  /** Pressure tendency, hPa per hour (0 without pressure). */
  dpdt: number;
}

/** Linear interpolation of a best track to a fixed time step (default hourly), with translation velocity. */
export function interpolateTrack(points: TrackPoint[], stepHours = 1): TrackStep[] {
  const steps: TrackStep[] = [];
  const first = points[0];
  const lastPoint = points[points.length - 1];
  if (!first || !lastPoint || points.length < 2) return steps;
  const dt = stepHours * 3600_000;
  let seg = 0;
  for (let t = first.time; ; t = Math.min(t + dt, lastPoint.time)) {
    while (seg + 2 < points.length && (points[seg + 1] as TrackPoint).time <= t) seg++;
    const a = points[seg] as TrackPoint;
    const b = points[seg + 1] as TrackPoint;
    const hours = (b.time - a.time) / 3600_000;
    const f = (t - a.time) / (b.time - a.time);
    const step: TrackStep = {
      time: t,
      lon: a.lon + f * (b.lon - a.lon),
      lat: a.lat + f * (b.lat - a.lat),
      windMs: a.windMs + f * (b.windMs - a.windMs),
      ve: ((b.lon - a.lon) * DEG * EARTH_RADIUS_KM * Math.cos(((a.lat + b.lat) / 2) * DEG)) / hours / 3.6,
      vn: ((b.lat - a.lat) * DEG * EARTH_RADIUS_KM) / hours / 3.6,
      dpdt: a.pressureHpa !== undefined && b.pressureHpa !== undefined ? (b.pressureHpa - a.pressureHpa) / hours : 0,
    };
    if (a.pressureHpa !== undefined && b.pressureHpa !== undefined) step.pressureHpa = a.pressureHpa + f * (b.pressureHpa - a.pressureHpa);
    steps.push(step);
    if (t >= lastPoint.time) break;
  }
  return steps;
}
