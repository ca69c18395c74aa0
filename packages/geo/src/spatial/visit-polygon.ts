import { pointInPolygon, type PreparedPolygon } from './prepared-polygon.js';
import { BOUNDARY, INSIDE, rasterisePolygon, subClass, type PolygonRaster } from './polygon-raster.js';
import type { SchoolIndex } from './school-index.js';

export interface PolygonVisitor {
  /** A whole cell inside: sorted positions [from, to) of index.grid.order, and the cell id. */
  cell(from: number, to: number, cellId: number): void;
  /** One point of a boundary cell found inside: its sorted position k (school = grid.order[k]). */
  point(k: number): void;
}

/** Walks the schools inside a polygon: whole inside cells at once, boundary cells point by point. */
export function visitPolygon(index: SchoolIndex, p: PreparedPolygon, visitor: PolygonVisitor, cached?: PolygonRaster | null): void {
  const g = index.grid;
  const raster = cached === undefined ? rasterisePolygon(g, p) : cached;
  if (!raster) return;
  const { cx0, cy0, w, h, cls } = raster;
  const { cellStart, sLon, sLat } = g;
  for (let r = 0; r < h; r++) {
    const cellRow = (cy0 + r) * g.nx + cx0;
    for (let c = 0; c < w; c++) {
      const state = cls[r * w + c];
      if (state !== INSIDE && state !== BOUNDARY) continue;
      const cellId = cellRow + c;
      const from = cellStart[cellId] as number;
      const to = cellStart[cellId + 1] as number;
      if (from === to) continue;
      if (state === INSIDE) {
        visitor.cell(from, to, cellId);
        continue;
      }
      for (let k = from; k < to; k++) {
        const x = sLon[k] as number;
        const y = sLat[k] as number;
        const sc = subClass(g, raster, x, y);
        if (sc === INSIDE || (sc === BOUNDARY && pointInPolygon(p, x, y))) visitor.point(k);
      }
    }
  }
}
