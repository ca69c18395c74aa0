import type { CycloneTrack } from '../cyclone/track-types.js';
import type { CellGrid } from '../spatial/cell-grid.js';
import { DEG, EARTH_RADIUS_KM } from '../spatial/haversine.js';
import type { SchoolIndex } from '../spatial/school-index.js';
import { stepModel, windAtOffset, withDefaults, type CycloneWindOptions, type StepModel } from './cyclone-wind.js';
import { hollandSpeed } from './holland-wind.js';
import { interpolateTrack } from './interpolate-track.js';

/**
 * Peak wind (m/s) at every school over the whole track; 0 where it never reaches minWindMs.
 *
 * Same answer as evaluating every step at every school within its reach (cyclonePeakWindReference), but
 * branch-and-bound over the index's cells: the wind at a point is |symmetric Holland wind + translation
 * term|, so between |V - vt·D| and V + vt·D, where V (Holland profile) and D (Jelesnianski decay) are both
 * unimodal in r with their peak at Rm. Over a cell's [nearest, farthest] distance from a step's centre that
 * gives a lower and an upper bound. Pass 1 takes, per cell, the best lower bound over all steps (every point
 * of the cell will get at least that); pass 2 evaluates a step exactly only for cells whose upper bound
 * reaches it. Steps that cannot be the peak anywhere in a cell are skipped without touching its points.
 */
export function cyclonePeakWind(index: SchoolIndex, track: CycloneTrack, options: CycloneWindOptions = {}): Float32Array {
  const o = withDefaults(options);
  const g = index.grid;
  const peakSorted = new Float32Array(g.order.length);
  const cellLow = new Float32Array(g.nx * g.ny);
  const kmPerDegLat = EARTH_RADIUS_KM * DEG;
  const steps: BoundStep[] = [];
  for (const s of interpolateTrack(track.points, o.stepHours)) {
    const m = stepModel(s, o);
    if (m.reachKm <= 0) continue;
    const kmPerDegLon = kmPerDegLat * Math.cos(s.lat * DEG);
    const dLat = m.reachKm / kmPerDegLat;
    const dLon = m.reachKm / (kmPerDegLat * Math.max(Math.cos(s.lat * DEG), 0.01));
    const cx0 = Math.max(0, Math.floor((s.lon - dLon - g.minLon) * g.invCell));
    const cx1 = Math.min(g.nx - 1, Math.floor((s.lon + dLon - g.minLon) * g.invCell));
    const cy0 = Math.max(0, Math.floor((s.lat - dLat - g.minLat) * g.invCell));
    const cy1 = Math.min(g.ny - 1, Math.floor((s.lat + dLat - g.minLat) * g.invCell));
    if (cx1 < cx0 || cy1 < cy0) continue;
    const kMax = Math.ceil(m.reachKm / PROFILE_STEP_KM) + 1;
    const profile = new Float64Array(kMax + 1);
    for (let k = 0; k <= kMax; k++) profile[k] = hollandSpeed(k * PROFILE_STEP_KM, m.vSym, m.rmax, m.b);
    steps.push({ lon: s.lon, lat: s.lat, sign: s.lat >= 0 ? 1 : -1, ve: s.ve, vn: s.vn, vt: Math.sqrt(s.ve * s.ve + s.vn * s.vn), kmPerDegLon, ...m, cx0, cx1, cy0, cy1, profile });
  }
  for (const st of steps) boundPass(g, st, kmPerDegLat, cellLow, null);
  for (const st of steps) boundPass(g, st, kmPerDegLat, cellLow, peakSorted);
  const peak = new Float32Array(index.size);
  const { order } = g;
  for (let k = 0; k < order.length; k++) {
    const v = peakSorted[k] as number;
    peak[order[k] as number] = v < o.minWindMs ? 0 : v;
  }
  return peak;
}

/** Resolution of the tabulated profile used for the bounds (never for the winds themselves). */
const PROFILE_STEP_KM = 1;
/** Slack on the bounds for floating-point rounding, m/s. */
const BOUND_SLACK = 1e-3;

interface BoundStep extends StepModel {
  lon: number;
  lat: number;
  sign: number;
  ve: number;
  vn: number;
  vt: number;
  kmPerDegLon: number;
  cx0: number;
  cx1: number;
  cy0: number;
  cy1: number;
  /** Holland speed at r = k * PROFILE_STEP_KM. */
  profile: Float64Array;
}

/**
 * One step over the cells of its reach box. Without `peak` (pass 1): raise each cell's lower bound. With
 * `peak` (pass 2): evaluate the points of cells whose upper bound reaches their lower bound.
 */
function boundPass(g: CellGrid, st: BoundStep, kmPerDegLat: number, cellLow: Float32Array, peak: Float32Array | null): void {
  const { cellStart, sLon, sLat, nx, minLon, minLat, cellDeg } = g;
  const { lon, lat, kmPerDegLon, reachKm, rmax, vSym, vt, profile, sign } = st;
  const tve = st.ve;
  const tvn = st.vn;
  const reach2 = reachKm * reachKm;
  const kLast = profile.length - 1;
  const pad = 1e-9; // degrees: a point's cell comes from floor(), so allow for rounding at cell edges
  for (let cy = st.cy0; cy <= st.cy1; cy++) {
    const y0 = (minLat + cy * cellDeg - pad - lat) * kmPerDegLat;
    const y1 = (minLat + (cy + 1) * cellDeg + pad - lat) * kmPerDegLat;
    const dyn = y0 > 0 ? y0 : y1 < 0 ? -y1 : 0;
    const dyf = Math.max(-y0, y1);
    for (let cx = st.cx0; cx <= st.cx1; cx++) {
      const c = cy * nx + cx;
      const from = cellStart[c] as number;
      const to = cellStart[c + 1] as number;
      if (from === to) continue;
      const x0 = (minLon + cx * cellDeg - pad - lon) * kmPerDegLon;
      const x1 = (minLon + (cx + 1) * cellDeg + pad - lon) * kmPerDegLon;
      const dxn = x0 > 0 ? x0 : x1 < 0 ? -x1 : 0;
      const rn2 = dxn * dxn + dyn * dyn;
      if (rn2 > reach2) continue;
      const dxf = Math.max(-x0, x1);
      const rn = Math.sqrt(rn2);
      const rf = Math.sqrt(dxf * dxf + dyf * dyf);
      const kn = Math.floor(rn / PROFILE_STEP_KM);
      const kf = Math.min(kLast, Math.ceil(rf / PROFILE_STEP_KM));
      const vn = profile[kn] as number;
      const vf = profile[kf] as number;
      const dn = (rmax * rn) / (rmax * rmax + rn * rn);
      const df = (rmax * rf) / (rmax * rmax + rf * rf);
      const dMax = rn <= rmax && rmax <= rf ? 0.5 : Math.max(dn, df);
      const dMin = Math.min(dn, df);
      // |W|^2 = V^2 + 2 V D p + D^2 vt^2, p = the translation velocity along the tangential unit vector
      // = sign (dx vn - dy ve) / r. The numerator is linear in (dx, dy): its range over the box is at corners.
      const q00 = sign * (x0 * tvn - y0 * tve);
      const q01 = sign * (x0 * tvn - y1 * tve);
      const q10 = sign * (x1 * tvn - y0 * tve);
      const q11 = sign * (x1 * tvn - y1 * tve);
      const qMin = Math.min(q00, q01, q10, q11);
      const qMax = Math.max(q00, q01, q10, q11);
      const rLo = rn > 1e-9 ? rn : 1e-9;
      const pMin = Math.max(-vt, Math.min(qMin / rLo, qMin / rf));
      const pMax = Math.min(vt, Math.max(qMax / rLo, qMax / rf));
      const vMin = Math.min(vn, vf);
      if (peak === null) {
        if (dxf * dxf + dyf * dyf > reach2 * (1 - 1e-12)) continue; // some points may be out of reach: no bound
        const cross = pMin >= 0 ? 2 * vMin * dMin * pMin : 2 * vSym * dMax * pMin;
        const low2 = vMin * vMin + cross + dMin * dMin * vt * vt;
        const low = (low2 > 0 ? Math.sqrt(low2) : 0) - BOUND_SLACK;
        if (low > (cellLow[c] as number)) cellLow[c] = low;
        continue;
      }
      const vMax = kn * PROFILE_STEP_KM <= rmax && rmax <= kf * PROFILE_STEP_KM ? vSym : Math.max(vn, vf);
      const cross = pMax >= 0 ? 2 * vMax * dMax * pMax : 2 * vMin * dMin * pMax;
      const high2 = vMax * vMax + cross + dMax * dMax * vt * vt;
      if (Math.sqrt(high2 > 0 ? high2 : 0) + BOUND_SLACK < (cellLow[c] as number)) continue;
      evalCell(from, to, sLon, sLat, st, kmPerDegLat, reach2, cellLow[c] as number, peak);
    }
  }
}

/**
 * The points of one cell for one step. Each point first gets the same kind of bound from its own distance
 * (profile bracket) and exact direction; only points where the step could still raise the peak are evaluated.
 */
function evalCell(from: number, to: number, sLon: Float64Array, sLat: Float64Array, st: BoundStep, kmPerDegLat: number, reach2: number, low: number, peak: Float32Array): void {
  const { lon, lat, kmPerDegLon, vSym, rmax, b, sign, ve, vn, vt, profile } = st;
  const rmax2 = rmax * rmax;
  const vt2 = vt * vt;
  for (let k = from; k < to; k++) {
    const dx = ((sLon[k] as number) - lon) * kmPerDegLon;
    const dy = ((sLat[k] as number) - lat) * kmPerDegLat;
    const r2 = dx * dx + dy * dy;
    if (r2 > reach2) continue;
    const current = peak[k] as number;
    const threshold = (current > low ? current : low) - BOUND_SLACK;
    if (threshold > 0) {
      const r = Math.sqrt(r2);
      if (r < 1e-6) continue; // the wind is 0 at the centre
      const kk = Math.floor(r / PROFILE_STEP_KM);
      const v0 = profile[kk] as number;
      const v1 = profile[kk + 1] as number;
      const vHi = kk * PROFILE_STEP_KM <= rmax && rmax <= (kk + 1) * PROFILE_STEP_KM ? vSym : Math.max(v0, v1);
      const vLo = Math.min(v0, v1);
      const d = (rmax * r) / (rmax2 + r2);
      const dp = (d * sign * (dx * vn - dy * ve)) / r;
      // |W|^2 = V^2 + 2 V D p + D^2 vt^2 is convex in V: its maximum over [vLo, vHi] is at an end.
      const hi2 = Math.max(vHi * vHi + 2 * vHi * dp, vLo * vLo + 2 * vLo * dp) + d * d * vt2;
      if (hi2 < threshold * threshold) continue;
    }
    const v = windAtOffset(dx, dy, vSym, rmax, b, sign, ve, vn);
    if (v > current) peak[k] = v;
  }
}

