import type { MultiPolygonCoords } from '../geometry-types.js';
import { preparePolygon, type PreparedPolygon } from './prepared-polygon.js';
import { rasterisePolygon, type PolygonRaster } from './polygon-raster.js';
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
  return { index, prepared, rasters: prepared.map((p) => rasterisePolygon(index.grid, p)) };
}

/** School and enrolment counts for many polygons at once (e.g. every district); one entry per polygon. */
export function countByPolygons(index: SchoolIndex, polygons: MultiPolygonCoords[] | PolygonSet): PolygonCounts {
  const set = Array.isArray(polygons) ? null : polygons;
  const n = set ? set.prepared.length : (polygons as MultiPolygonCoords[]).length;
  const res: PolygonCounts = { schools: new Float64Array(n), girls: new Float64Array(n), boys: new Float64Array(n), total: new Float64Array(n) };
  const { order, cellGirls, cellBoys, cellTotal } = index.grid;
  const { girls, boys, total } = index.input;
  for (let j = 0; j < n; j++) {
    let s = 0;
    let gi = 0;
    let bo = 0;
    let to = 0;
    const prepared = set ? (set.prepared[j] as PreparedPolygon) : preparePolygon((polygons as MultiPolygonCoords[])[j] as MultiPolygonCoords);
    visitPolygon(index, prepared, {
      cell(from, end, cellId) {
        s += end - from;
        gi += cellGirls[cellId] as number;
        bo += cellBoys[cellId] as number;
        to += cellTotal[cellId] as number;
      },
      point(k) {
        const i = order[k] as number;
        s++;
        gi += girls[i] as number;
        bo += boys[i] as number;
        to += total[i] as number;
      },
    }, set && set.index === index ? set.rasters[j] : undefined);
    res.schools[j] = s;
    res.girls[j] = gi;
    res.boys[j] = bo;
    res.total[j] = to;
  }
  return res;
}
