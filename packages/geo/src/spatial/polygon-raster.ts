import type { CellGrid } from './cell-grid.js';
import { colOf, rowOf } from './cell-grid.js';
import { pointInPolygon, type PreparedPolygon } from './prepared-polygon.js';

export const OUTSIDE = 0;
export const INSIDE = 1;
export const BOUNDARY = 2;

/**
 * A polygon rasterised over its bounding box at `f` sub-cells per index cell and axis. Sub-cells no edge
 * touches are wholly inside or outside; only points in BOUNDARY sub-cells need the exact test. `cls` holds,
 * per index cell, INSIDE or OUTSIDE when all its sub-cells agree, else BOUNDARY (then look at `sub`).
 * A point's sub-cell is floor(((x - minLon) * invCell) * f): f is a power of two, so that is exactly the
 * index cell's own floor() subdivided, and a point always falls in a sub-cell of its own cell.
 */
export interface PolygonRaster {
  cx0: number;
  cy0: number;
  w: number;
  h: number;
  cls: Uint8Array;
  f: number;
  /** Sub-cell classes, (h * f) rows of (w * f). */
  sub: Uint8Array;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
/** Degrees added on each side of an edge's extent in a row band, against rounding at band edges. */
const PAD = 1e-9;

/** Sub-cells per cell for a bounding box of w x h cells: up to maxF, unless that makes the raster large. */
function chooseF(w: number, h: number, maxF: number): number {
  const cells = w * h;
  const f = cells * 16 <= 4_000_000 ? 4 : cells * 4 <= 4_000_000 ? 2 : 1;
  return Math.min(f, maxF);
}

/**
 * Finer sub-cells (maxF 4) leave fewer points for the exact test but cost more to build: worth it for a
 * raster kept and reused (a PolygonSet); 2 is the better trade for a raster used once.
 */
export function rasterisePolygon(g: CellGrid, p: PreparedPolygon, maxF = 2): PolygonRaster | null {
  const cx0 = Math.max(0, colOf(g, p.minLon));
  const cx1 = Math.min(g.nx - 1, colOf(g, p.maxLon));
  const cy0 = Math.max(0, rowOf(g, p.minLat));
  const cy1 = Math.min(g.ny - 1, rowOf(g, p.maxLat));
  if (cx1 < cx0 || cy1 < cy0) return null;
  const w = cx1 - cx0 + 1;
  const h = cy1 - cy0 + 1;
  const f = chooseF(w, h, maxF);
  const W = w * f;
  const H = h * f;
  const sx0 = cx0 * f;
  const sy0 = cy0 * f;
  const inv = g.invCell;
  const subDeg = g.cellDeg / f;
  const sub = new Uint8Array(W * H);
  // Index cells any edge touches; an untouched cell is wholly inside or outside.
  const touched = new Uint8Array(w * h);
  // Mark every sub-cell an edge passes through: per sub-row it spans (same floor as the points), the columns
  // between the edge's x at the bottom and top of that row band. Clamping and padding only over-mark.
  const edges = p.edges;
  const minLon = g.minLon;
  const minLat = g.minLat;
  const invF = inv * f;
  for (let e = 0; e < p.edgeCount; e++) {
    const ax = edges[4 * e] as number;
    const ay = edges[4 * e + 1] as number;
    const bx = edges[4 * e + 2] as number;
    const by = edges[4 * e + 3] as number;
    const lo = ay < by ? ay : by;
    const hi = ay < by ? by : ay;
    const r0 = clamp(Math.floor((lo - PAD - minLat) * inv * f) - sy0, 0, H - 1);
    const r1 = clamp(Math.floor((hi + PAD - minLat) * inv * f) - sy0, 0, H - 1);
    const slope = by !== ay ? (bx - ax) / (by - ay) : 0;
    for (let r = r0; r <= r1; r++) {
      let xa = ax;
      let xb = bx;
      if (by !== ay) {
        const bandLo = Math.max(lo, minLat + (sy0 + r) * subDeg - PAD);
        const bandHi = Math.min(hi, minLat + (sy0 + r + 1) * subDeg + PAD);
        xa = ax + slope * (bandLo - ay);
        xb = ax + slope * (bandHi - ay);
      }
      const c0 = clamp(Math.floor(((xa < xb ? xa : xb) - PAD - minLon) * invF) - sx0, 0, W - 1);
      const c1 = clamp(Math.floor(((xa < xb ? xb : xa) + PAD - minLon) * invF) - sx0, 0, W - 1);
      const row = r * W;
      for (let c = row + c0; c <= row + c1; c++) sub[c] = BOUNDARY;
      const cellRow = ((r / f) | 0) * w;
      const t1 = (c1 / f) | 0;
      for (let c = (c0 / f) | 0; c <= t1; c++) touched[cellRow + c] = 1;
    }
  }
  // A run of untouched sub-cells in a row is connected and never crossed by the boundary: one centre test
  // decides it. Runs at either end of the row are outside without a test: no edge lies between them and the
  // bounding box's edge in that row band, so a ray from them leaves the polygon without crossing anything.
  for (let r = 0; r < H; r++) {
    const base = r * W;
    let last = W - 1;
    while (last >= 0 && sub[base + last] !== BOUNDARY) last--;
    const cy = g.minLat + (sy0 + r + 0.5) * subDeg;
    let status = OUTSIDE;
    for (let c = 0; c < last; c++) {
      if (sub[base + c] === BOUNDARY) {
        status = -1;
        continue;
      }
      if (status === -1) status = pointInPolygon(p, g.minLon + (sx0 + c + 0.5) * subDeg, cy) ? INSIDE : OUTSIDE;
      sub[base + c] = status;
    }
  }
  const cls = f === 1 ? sub : summarise(sub, touched, w, h, f);
  return { cx0, cy0, w, h, cls, f, sub };
}

/** Per index cell: BOUNDARY where an edge touched it, else the class of any of its sub-cells (all agree). */
function summarise(sub: Uint8Array, touched: Uint8Array, w: number, h: number, f: number): Uint8Array {
  const W = w * f;
  const cls = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) cls[r * w + c] = touched[r * w + c] ? BOUNDARY : (sub[r * f * W + c * f] as number);
  }
  return cls;
}

/**
 * Class of a point (of a BOUNDARY cell) from its sub-cell: INSIDE, OUTSIDE, or BOUNDARY when the exact test
 * is needed.
 */
export function subClass(g: CellGrid, raster: PolygonRaster, x: number, y: number): number {
  const f = raster.f;
  const sx = Math.floor((x - g.minLon) * g.invCell * f) - raster.cx0 * f;
  const sy = Math.floor((y - g.minLat) * g.invCell * f) - raster.cy0 * f;
  const W = raster.w * f;
  if (sx < 0 || sy < 0 || sx >= W || sy >= raster.h * f) return BOUNDARY;
  return raster.sub[sy * W + sx] as number;
}
