import { AppError } from '../../shared/app-error.js';

type Position = [number, number];

export interface TopoGeometry {
  type: string;
  properties: Record<string, unknown>;
  /** GeoJSON geometry for polygons; null for other types (reported by the caller, not decoded). */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Position[][][] | Position[][] } | null;
}

interface Topology {
  arcs: unknown;
  transform?: { scale: [number, number]; translate: [number, number] };
}

const fail = (message: string) => new AppError('IMPORT_FILE_INVALID', message);

/** Absolute lon/lat of every arc: quantized files store deltas that the transform scales back. */
function absoluteArcs(topology: Topology): Position[][] {
  if (!Array.isArray(topology.arcs)) throw fail('The TopoJSON has no "arcs" array.');
  const t = topology.transform;
  return topology.arcs.map((arc: unknown, i) => {
    if (!Array.isArray(arc)) throw fail(`TopoJSON arc ${i} is not an array of positions.`);
    let x = 0;
    let y = 0;
    return arc.map((p: unknown): Position => {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number')
        throw fail(`TopoJSON arc ${i} has a position that is not two numbers.`);
      if (!t) return [p[0], p[1]];
      x += p[0];
      y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/** A ring from arc indexes; a negative index (~i) walks arc i backwards; shared end points are not repeated. */
function ring(indexes: unknown, arcs: Position[][]): Position[] {
  if (!Array.isArray(indexes)) throw fail('A TopoJSON ring is not an array of arc indexes.');
  const out: Position[] = [];
  for (const index of indexes) {
    if (typeof index !== 'number' || !Number.isInteger(index)) throw fail('A TopoJSON arc index is not an integer.');
    const arc = arcs[index < 0 ? ~index : index];
    if (!arc) throw fail(`TopoJSON arc index ${index} points past the ${arcs.length} arcs in the file.`);
    const points = index < 0 ? [...arc].reverse() : arc;
    out.push(...(out.length ? points.slice(1) : points));
  }
  return out;
}

/** The members of one TopoJSON object as features, polygons decoded to GeoJSON coordinates. */
export function decodeTopoObject(topology: Topology, object: unknown): TopoGeometry[] {
  const arcs = absoluteArcs(topology);
  const o = (object ?? {}) as { type?: unknown; geometries?: unknown };
  const members = o.type === 'GeometryCollection' && Array.isArray(o.geometries) ? (o.geometries as unknown[]) : [object];
  return members.map((m) => {
    const g = (m ?? {}) as { type?: unknown; arcs?: unknown; properties?: unknown };
    const type = typeof g.type === 'string' ? g.type : 'null';
    const properties = g.properties && typeof g.properties === 'object' ? (g.properties as Record<string, unknown>) : {};
    if (type === 'Polygon' && Array.isArray(g.arcs))
      return { type, properties, geometry: { type, coordinates: g.arcs.map((r) => ring(r, arcs)) } };
    if (type === 'MultiPolygon' && Array.isArray(g.arcs)) {
      const coordinates = g.arcs.map((p: unknown) => (Array.isArray(p) ? p.map((r) => ring(r, arcs)) : []));
      return { type, properties, geometry: { type, coordinates } };
    }
    return { type, properties, geometry: null };
  });
}
