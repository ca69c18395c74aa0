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
  /** Edges of strip s are entries stripStart[s] .. stripStart[s+1] of stripEdges. */
  stripStart: Uint32Array;
  /** Strip entries as x1, y1, x2, y2 quadruples (an edge appears once per strip it spans). */
  stripEdges: Float64Array;
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
      const last = ring.length - 1;
      if (last < 1) continue;
      let b = ring[0] as number[];
      let bx = b[0] as number;
      let by = b[1] as number;
      for (let i = 0; i < last; i++) {
        const ax = bx;
        const ay = by;
        b = ring[i + 1] as number[];
        bx = b[0] as number;
        by = b[1] as number;
        if (!Number.isFinite(ax) || !Number.isFinite(ay)) throw new GeoInputError('POLYGON_INVALID', 'A polygon position is not a pair of numbers.');
        edges[k] = ax;
        edges[k + 1] = ay;
        edges[k + 2] = bx;
        edges[k + 3] = by;
        k += 4;
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
  const p: PreparedPolygon = { minLon, minLat, maxLon, maxLat, edgeCount, edges, invStrip, strips, stripStart, stripEdges: edges };
  // Counting sort of (edge, strip) entries: count per strip, prefix sums to strip ends, then place each entry
  // at --end, which leaves stripStart[s] at the start of strip s.
  const spans = new Uint32Array(edgeCount * 2);
  for (let e = 0; e < edgeCount; e++) {
    const ya = edges[4 * e + 1] as number;
    const yb = edges[4 * e + 3] as number;
    const s0 = stripOf(p, ya < yb ? ya : yb);
    const s1 = stripOf(p, ya < yb ? yb : ya);
    spans[2 * e] = s0;
    spans[2 * e + 1] = s1;
    for (let s = s0; s <= s1; s++) stripStart[s] = (stripStart[s] as number) + 1;
  }
  for (let s = 1; s < strips; s++) stripStart[s] = (stripStart[s] as number) + (stripStart[s - 1] as number);
  const m = stripStart[strips - 1] as number;
  stripStart[strips] = m;
  const se = new Float64Array(m * 4);
  for (let e = 0; e < edgeCount; e++) {
    const x1 = edges[4 * e] as number;
    const ya = edges[4 * e + 1] as number;
    const x2 = edges[4 * e + 2] as number;
    const yb = edges[4 * e + 3] as number;
    const s1 = spans[2 * e + 1] as number;
    for (let s = spans[2 * e] as number; s <= s1; s++) {
      const j = 4 * (stripStart[s] = (stripStart[s] as number) - 1);
      se[j] = x1;
      se[j + 1] = ya;
      se[j + 2] = x2;
      se[j + 3] = yb;
    }
  }
  p.stripEdges = se;
  return p;
}

/** Even-odd ray test (ray towards +lon) against the edges of the point's strip. */
export function pointInPolygon(p: PreparedPolygon, px: number, py: number): boolean {
  if (px < p.minLon || px > p.maxLon || py < p.minLat || py > p.maxLat) return false;
  const s = stripOf(p, py);
  const to = 4 * (p.stripStart[s + 1] as number);
  const se = p.stripEdges;
  // Branch-free: which edges cross is data-dependent and mispredicts; computing the crossing x of an edge that
  // does not cross (possibly NaN for a horizontal one) and masking it out is cheaper.
  let odd = 0;
  for (let j = 4 * (p.stripStart[s] as number); j < to; j += 4) {
    const ax = se[j] as number;
    const ay = se[j + 1] as number;
    const by = se[j + 3] as number;
    const crosses = +(ay > py) ^ +(by > py);
    odd ^= crosses & +(px < ((se[j + 2] as number) - ax) * ((py - ay) / (by - ay)) + ax);
  }
  return odd === 1;
}
