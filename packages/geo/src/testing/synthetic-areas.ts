import type { MultiPolygonCoords, Position, Ring } from '../geometry-types.js';
import { mmiToPgaG } from '../hazard/gmice.js';
import type { GridSpec } from '../shakemap/grid-types.js';
import { rng } from './synthetic-schools.js';

/** India's extent (lon/lat box) used by the synthetic benchmark data. */
export const INDIA_BOX: [number, number, number, number] = [68.1, 6.7, 97.4, 37.1];

/**
 * A cols x rows partition of a box into quadrilateral "districts" whose shared edges wiggle (perSide vertices
 * per side, so about 4 * perSide per district). Neighbours share their edges exactly, so every point of the box
 * is in one district (up to points exactly on an edge).
 */
export function syntheticDistricts(box: [number, number, number, number], cols: number, rows: number, perSide = 50, seed = 1): MultiPolygonCoords[] {
  const [w, s, e, n] = box;
  const r = rng(seed);
  const dx = (e - w) / cols;
  const dy = (n - s) / rows;
  // Jittered corners; the outer frame stays straight.
  const corner: Position[][] = [];
  for (let j = 0; j <= rows; j++) {
    const line: Position[] = [];
    for (let i = 0; i <= cols; i++) {
      const jx = i > 0 && i < cols ? (r() - 0.5) * 0.4 * dx : 0;
      const jy = j > 0 && j < rows ? (r() - 0.5) * 0.4 * dy : 0;
      line.push([w + i * dx + jx, s + j * dy + jy]);
    }
    corner.push(line);
  }
  const at = (i: number, j: number): Position => (corner[j] as Position[])[i] as Position;
  const edgeCache = new Map<string, Position[]>();
  // The wiggly path from corner a to corner b (excluding b), identical for both neighbours.
  const path = (ai: number, aj: number, bi: number, bj: number): Position[] => {
    const forward = ai < bi || (ai === bi && aj < bj);
    const key = forward ? `${ai},${aj},${bi},${bj}` : `${bi},${bj},${ai},${aj}`;
    let pts = edgeCache.get(key);
    if (!pts) {
      const a = forward ? at(ai, aj) : at(bi, bj);
      const b = forward ? at(bi, bj) : at(ai, aj);
      const boundary = (ai === bi && (ai === 0 || ai === cols)) || (aj === bj && (aj === 0 || aj === rows));
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const nx = -(b[1] - a[1]) / len;
      const ny = (b[0] - a[0]) / len;
      const p1 = r() * 6.283;
      const p2 = r() * 6.283;
      pts = [];
      for (let k = 0; k <= perSide; k++) {
        const t = k / perSide;
        const off = boundary ? 0 : len * Math.sin(Math.PI * t) * (0.06 * Math.sin(5 * Math.PI * t + p1) + 0.03 * Math.sin(17 * Math.PI * t + p2));
        pts.push([a[0] + t * (b[0] - a[0]) + off * nx, a[1] + t * (b[1] - a[1]) + off * ny]);
      }
      edgeCache.set(key, pts);
    }
    const ordered = forward ? pts : [...pts].reverse();
    return ordered.slice(0, -1);
  };
  const out: MultiPolygonCoords[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const ring: Ring = [...path(i, j, i + 1, j), ...path(i + 1, j, i + 1, j + 1), ...path(i + 1, j + 1, i, j + 1), ...path(i, j + 1, i, j)];
      ring.push([...(ring[0] as Position)] as Position);
      out.push([[ring]]);
    }
  }
  return out;
}

/** A lobed, star-like ring of `vertices` vertices around (cx, cy) with mean radius rDeg (a "state"). */
export function syntheticState(cx: number, cy: number, rDeg: number, vertices = 200, seed = 2): MultiPolygonCoords {
  const r = rng(seed);
  const p1 = r() * 6.283;
  const p2 = r() * 6.283;
  const ring: Ring = [];
  for (let k = 0; k < vertices; k++) {
    const t = (2 * Math.PI * k) / vertices;
    const rad = rDeg * (1 + 0.25 * Math.sin(3 * t + p1) + 0.1 * Math.sin(11 * t + p2) + 0.03 * (r() - 0.5));
    ring.push([cx + rad * Math.cos(t) * 1.3, cy + rad * Math.sin(t)]);
  }
  ring.push([...(ring[0] as Position)] as Position);
  return [[ring]];
}

/**
 * A ShakeMap-like grid over a box (rows north to south) with MMI and PGA (%g) fields from a smooth radial
 * pattern around an epicentre; PGA is the WGRW12 inversion of MMI, as a real ShakeMap would roughly give.
 */
export function syntheticShakeGrid(box: [number, number, number, number], spacingDeg: number, epicentre: [number, number]): { spec: GridSpec; fields: Record<string, Float32Array> } {
  const [w, s, e, n] = box;
  const nlon = Math.round((e - w) / spacingDeg) + 1;
  const nlat = Math.round((n - s) / spacingDeg) + 1;
  const spec: GridSpec = { lonMin: w, latMin: s, lonMax: w + (nlon - 1) * spacingDeg, latMax: s + (nlat - 1) * spacingDeg, nominalLonSpacing: spacingDeg, nominalLatSpacing: spacingDeg, nlon, nlat };
  const mmi = new Float32Array(nlon * nlat);
  const pga = new Float32Array(nlon * nlat);
  for (let row = 0; row < nlat; row++) {
    const lat = spec.latMax - row * spacingDeg;
    for (let col = 0; col < nlon; col++) {
      const lon = w + col * spacingDeg;
      const d = Math.hypot(lon - epicentre[0], lat - epicentre[1]);
      const v = Math.max(1, Math.min(10, 9.5 - 1.6 * Math.log(1 + 2 * d) + 0.2 * Math.sin(lon * 3) * Math.cos(lat * 2)));
      mmi[row * nlon + col] = v;
      pga[row * nlon + col] = mmiToPgaG(v) * 100;
    }
  }
  return { spec, fields: { MMI: mmi, PGA: pga } };
}
