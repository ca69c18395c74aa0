import { GeoInputError } from '../errors.js';
import type { MultiPolygonCoords } from '../geometry-types.js';

/**
 * A (multi)polygon flattened to edge arrays, with its edges bucketed into horizontal strips so a point test
 * only looks at the few edges whose latitude range covers the point. Inside-ness uses the even-odd rule over
 * every ring of every part, which handles holes and disjoint parts alike (parts must not overlap, as GeoJSON
 * requires). Coordinates are planar lon/lat: right for footprints that neither cross the antimeridian nor
 * enclose a pole.
 */
export interface PreparedPolygon {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  edgeCount: number;
  /** Every edge once, as x1, y1, x2, y2 quadruples. */
  edges: Float64Array;
  invStrip: number;
  strips: number;
  /** Edges of strip s are entries stripStart[s] .. stripStart[s+1] of x1/y1/x2/y2. */
  stripStart: Uint32Array;
  x1: Float64Array;
  y1: Float64Array;
  x2: Float64Array;
  y2: Float64Array;
}

export function stripOf(p: PreparedPolygon, lat: number): number {
  const s = Math.floor((lat - p.minLat) * p.invStrip);
  return s < 0 ? 0 : s >= p.strips ? p.strips - 1 : s;
}

export function preparePolygon(polygon: MultiPolygonCoords): PreparedPolygon {
  let edgeCount = 0;
  for (const part of polygon) for (const ring of part) edgeCount += Math.max(0, ring.length - 1);
  if (edgeCount < 3) throw new GeoInputError('POLYGON_INVALID', 'A polygon needs at least one ring of 4 or more positions.');
  const edges = new Float64Array(edgeCount * 4);
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  let k = 0;
  for (const part of polygon) {
    for (const ring of part) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as number[];
        const b = ring[i + 1] as number[];
        const ax = a[0] as number;
        const ay = a[1] as number;
        if (!Number.isFinite(ax) || !Number.isFinite(ay)) throw new GeoInputError('POLYGON_INVALID', 'A polygon position is not a pair of numbers.');
        edges[k++] = ax;
        edges[k++] = ay;
        edges[k++] = b[0] as number;
        edges[k++] = b[1] as number;
        if (ax < minLon) minLon = ax;
        if (ax > maxLon) maxLon = ax;
        if (ay < minLat) minLat = ay;
        if (ay > maxLat) maxLat = ay;
      }
    }
  }
  // About one strip per edge keeps each strip down to a handful of edges for ordinary boundaries.
  const strips = Math.min(edgeCount, 65536);
  const invStrip = maxLat > minLat ? strips / (maxLat - minLat) : 0;
  const stripStart = new Uint32Array(strips + 1);
  const p: PreparedPolygon = { minLon, minLat, maxLon, maxLat, edgeCount, edges, invStrip, strips, stripStart, x1: new Float64Array(0), y1: new Float64Array(0), x2: new Float64Array(0), y2: new Float64Array(0) };
  const spans = new Uint32Array(edgeCount * 2);
  for (let e = 0; e < edgeCount; e++) {
    const ya = edges[4 * e + 1] as number;
    const yb = edges[4 * e + 3] as number;
    const s0 = stripOf(p, ya < yb ? ya : yb);
    const s1 = stripOf(p, ya < yb ? yb : ya);
    spans[2 * e] = s0;
    spans[2 * e + 1] = s1;
    for (let s = s0; s <= s1; s++) stripStart[s + 1] = (stripStart[s + 1] as number) + 1;
  }
  for (let s = 0; s < strips; s++) stripStart[s + 1] = (stripStart[s + 1] as number) + (stripStart[s] as number);
  const m = stripStart[strips] as number;
  const x1 = (p.x1 = new Float64Array(m));
  const y1 = (p.y1 = new Float64Array(m));
  const x2 = (p.x2 = new Float64Array(m));
  const y2 = (p.y2 = new Float64Array(m));
  const fill = stripStart.slice(0, strips);
  for (let e = 0; e < edgeCount; e++) {
    const s1 = spans[2 * e + 1] as number;
    for (let s = spans[2 * e] as number; s <= s1; s++) {
      const j = (fill[s] as number)++;
      x1[j] = edges[4 * e] as number;
      y1[j] = edges[4 * e + 1] as number;
      x2[j] = edges[4 * e + 2] as number;
      y2[j] = edges[4 * e + 3] as number;
    }
  }
  return p;
}

/** Even-odd ray test (ray towards +lon) against the edges of the point's strip. */
export function pointInPolygon(p: PreparedPolygon, px: number, py: number): boolean {
  if (px < p.minLon || px > p.maxLon || py < p.minLat || py > p.maxLat) return false;
  const s = stripOf(p, py);
  const to = p.stripStart[s + 1] as number;
  const { x1, y1, x2, y2 } = p;
  // Branch-free: which edges cross is data-dependent and mispredicts; computing the crossing x of an edge that
  // does not cross (possibly NaN for a horizontal one) and masking it out is cheaper.
  let odd = 0;
  for (let e = p.stripStart[s] as number; e < to; e++) {
    const ay = y1[e] as number;
    const by = y2[e] as number;
    const ax = x1[e] as number;
    const crosses = +(ay > py) ^ +(by > py);
    odd ^= crosses & +(px < ((x2[e] as number) - ax) * ((py - ay) / (by - ay)) + ax);
  }
  return odd === 1;
}
