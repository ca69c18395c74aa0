import type { MultiPolygonCoords } from '../geometry-types.js';
import { pointInPolygon, preparePolygon, type PreparedPolygon } from './prepared-polygon.js';
import { BOUNDARY, INSIDE, OUTSIDE, rasterisePolygon, type PolygonRaster } from './polygon-raster.js';
import type { SchoolIndex } from './school-index.js';
import { visitPolygon } from './visit-polygon.js';

/** Schools inside a (multi)polygon with holes. Returns school positions in cell order (not sorted). */
export function withinPolygon(index: SchoolIndex, polygon: MultiPolygonCoords): Uint32Array {
  const order = index.grid.order;
  let out = new Uint32Array(1024);
  let n = 0;
  const reserve = (extra: number): void => {
    if (n + extra <= out.length) return;
    const bigger = new Uint32Array(Math.max(out.length * 2, n + extra));
    bigger.set(out.subarray(0, n));
    out = bigger;
  };
  visitPolygon(index, preparePolygon(polygon), {
    cell(from, to) {
      reserve(to - from);
      out.set(order.subarray(from, to), n);
      n += to - from;
    },
    point(k) {
      reserve(1);
      out[n++] = order[k] as number;
    },
  });
  return out.slice(0, n);
}

export interface PolygonCounts {
  schools: Float64Array;
  girls: Float64Array;
  boys: Float64Array;
  total: Float64Array;
}

/**
 * Polygons prepared once against one index (edge strips and cell rasters), for boundaries that are counted
 * again and again, such as the district layer. Rebuild it when the index is rebuilt.
 */
export interface PolygonSet {
  index: SchoolIndex;
  prepared: PreparedPolygon[];
  rasters: (PolygonRaster | null)[];
}

export function preparePolygonSet(index: SchoolIndex, polygons: MultiPolygonCoords[]): PolygonSet {
  const prepared = polygons.map((p) => preparePolygon(p));
  return { index, prepared, rasters: prepared.map((p) => rasterisePolygon(index.grid, p, 4)) };
}

/** School and enrolment counts for many polygons at once (e.g. every district); one entry per polygon. */
export function countByPolygons(index: SchoolIndex, polygons: MultiPolygonCoords[] | PolygonSet): PolygonCounts {
  const set = Array.isArray(polygons) ? null : polygons;
  const n = set ? set.prepared.length : (polygons as MultiPolygonCoords[]).length;
  const res: PolygonCounts = { schools: new Float64Array(n), girls: new Float64Array(n), boys: new Float64Array(n), total: new Float64Array(n) };
  const useCache = set !== null && set.index === index;
  for (let j = 0; j < n; j++) {
    const prepared = set ? (set.prepared[j] as PreparedPolygon) : preparePolygon((polygons as MultiPolygonCoords[])[j] as MultiPolygonCoords);
    const raster = useCache ? (set.rasters[j] ?? null) : rasterisePolygon(index.grid, prepared);
    if (raster) countPolygon(index, prepared, raster, res, j);
  }
  return res;
}

/**
 * Counts one polygon: cells wholly inside from the per-cell sums, boundary cells point by point. Written as
 * one plain loop (no per-point callbacks) so V8 keeps it optimised and inlines the point test.
 */
function countPolygon(index: SchoolIndex, p: PreparedPolygon, raster: PolygonRaster, res: PolygonCounts, j: number): void {
  const g = index.grid;
  const { cellStart, sLon, sLat, sGirls, sBoys, sTotal, cellGirls, cellBoys, cellTotal, nx, minLon, minLat, invCell } = g;
  const { cx0, cy0, w, h, cls, f, sub } = raster;
  const W = w * f;
  const H = h * f;
  const sx0 = cx0 * f;
  const sy0 = cy0 * f;
  let s = 0;
  let gi = 0;
  let bo = 0;
  let to = 0;
  for (let r = 0; r < h; r++) {
    const cellRow = (cy0 + r) * nx + cx0;
    const clsRow = r * w;
    for (let c = 0; c < w; c++) {
      const state = cls[clsRow + c] as number;
      if (state === OUTSIDE) continue;
      const cellId = cellRow + c;
      const from = cellStart[cellId] as number;
      const end = cellStart[cellId + 1] as number;
      if (from === end) continue;
      if (state === INSIDE) {
        s += end - from;
        gi += cellGirls[cellId] as number;
        bo += cellBoys[cellId] as number;
        to += cellTotal[cellId] as number;
        continue;
      }
      for (let k = from; k < end; k++) {
        const x = sLon[k] as number;
        const y = sLat[k] as number;
        const sx = Math.floor((x - minLon) * invCell * f) - sx0;
        const sy = Math.floor((y - minLat) * invCell * f) - sy0;
        // The point's own sub-cell decides, unless an edge crosses it.
        const sc = sx >= 0 && sx < W && sy >= 0 && sy < H ? (sub[sy * W + sx] as number) : BOUNDARY;
        if (sc === OUTSIDE || (sc === BOUNDARY && !pointInPolygon(p, x, y))) continue;
        s++;
        gi += sGirls[k] as number;
        bo += sBoys[k] as number;
        to += sTotal[k] as number;
      }
    }
  }
  res.schools[j] = s;
  res.girls[j] = gi;
  res.boys[j] = bo;
  res.total[j] = to;
}
