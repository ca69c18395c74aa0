import type { CellGrid } from './cell-grid.js';
import { colOf, rowOf } from './cell-grid.js';
import { pointInPolygon, type PreparedPolygon } from './prepared-polygon.js';

export const OUTSIDE = 0;
export const INSIDE = 1;
export const BOUNDARY = 2;

/**
 * A polygon rasterised onto the index's cell grid over its bounding box. Cells no edge touches are wholly
 * inside or outside; only points in BOUNDARY cells need the exact test.
 */
export interface PolygonRaster {
  cx0: number;
  cy0: number;
  w: number;
  h: number;
  cls: Uint8Array;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

export function rasterisePolygon(g: CellGrid, p: PreparedPolygon): PolygonRaster | null {
  const cx0 = Math.max(0, colOf(g, p.minLon));
  const cx1 = Math.min(g.nx - 1, colOf(g, p.maxLon));
  const cy0 = Math.max(0, rowOf(g, p.minLat));
  const cy1 = Math.min(g.ny - 1, rowOf(g, p.maxLat));
  if (cx1 < cx0 || cy1 < cy0) return null;
  const w = cx1 - cx0 + 1;
  const h = cy1 - cy0 + 1;
  const cls = new Uint8Array(w * h);
  // Mark every cell an edge passes through: per cell row it spans (same rowOf as the points), the columns
  // between the edge's x at the bottom and top of that row band. Clamping only over-marks, which is safe.
  const edges = p.edges;
  for (let e = 0; e < p.edgeCount; e++) {
    const ax = edges[4 * e] as number;
    const ay = edges[4 * e + 1] as number;
    const bx = edges[4 * e + 2] as number;
    const by = edges[4 * e + 3] as number;
    const lo = Math.min(ay, by);
    const hi = Math.max(ay, by);
    const r0 = clamp(rowOf(g, lo) - cy0, 0, h - 1);
    const r1 = clamp(rowOf(g, hi) - cy0, 0, h - 1);
    for (let r = r0; r <= r1; r++) {
      let xa = ax;
      let xb = bx;
      if (by !== ay) {
        const bandLo = Math.max(lo, g.minLat + (cy0 + r) * g.cellDeg);
        const bandHi = Math.min(hi, g.minLat + (cy0 + r + 1) * g.cellDeg);
        xa = ax + ((bx - ax) * (bandLo - ay)) / (by - ay);
        xb = ax + ((bx - ax) * (bandHi - ay)) / (by - ay);
      }
      const c0 = clamp(colOf(g, Math.min(xa, xb)) - cx0, 0, w - 1);
      const c1 = clamp(colOf(g, Math.max(xa, xb)) - cx0, 0, w - 1);
      for (let c = r * w + c0; c <= r * w + c1; c++) cls[c] = BOUNDARY;
    }
  }
  // A run of untouched cells in a row is connected and never crossed by the boundary: one centre test decides it.
  for (let r = 0; r < h; r++) {
    const base = r * w;
    const cy = g.minLat + (cy0 + r + 0.5) * g.cellDeg;
    let status = -1;
    for (let c = 0; c < w; c++) {
      if (cls[base + c] === BOUNDARY) {
        status = -1;
        continue;
      }
      if (status === -1) status = pointInPolygon(p, g.minLon + (cx0 + c + 0.5) * g.cellDeg, cy) ? INSIDE : OUTSIDE;
      cls[base + c] = status;
    }
  }
  return { cx0, cy0, w, h, cls };
}
