import type { Ring } from '../geometry-types.js';

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/** True when segments p1-p2 and p3-p4 share at least one point. */
export function segmentsIntersect(p1: readonly number[], p2: readonly number[], p3: readonly number[], p4: readonly number[]): boolean {
  const [x1 = 0, y1 = 0] = p1;
  const [x2 = 0, y2 = 0] = p2;
  const [x3 = 0, y3 = 0] = p3;
  const [x4 = 0, y4 = 0] = p4;
  const d1 = orient(x3, y3, x4, y4, x1, y1);
  const d2 = orient(x3, y3, x4, y4, x2, y2);
  const d3 = orient(x1, y1, x2, y2, x3, y3);
  const d4 = orient(x1, y1, x2, y2, x4, y4);
  if (d1 !== d2 && d3 !== d4) return true;
  if (d1 === 0 && onSegment(x3, y3, x4, y4, x1, y1)) return true;
  if (d2 === 0 && onSegment(x3, y3, x4, y4, x2, y2)) return true;
  if (d3 === 0 && onSegment(x1, y1, x2, y2, x3, y3)) return true;
  return d4 === 0 && onSegment(x1, y1, x2, y2, x4, y4);
}

/**
 * Finds a pair of non-adjacent edges of a closed ring that touch or cross. Quadratic on purpose (simple and
 * exact); callers skip rings above a size limit. Returns the first offending edge indices, or null.
 */
export function findSelfIntersection(ring: Ring): [number, number] | null {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // first and last edges share the closing vertex
      if (segmentsIntersect(ring[i] as Ring[number], ring[i + 1] as Ring[number], ring[j] as Ring[number], ring[j + 1] as Ring[number])) return [i, j];
    }
  }
  return null;
}

export function isClosed(ring: Ring): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}
