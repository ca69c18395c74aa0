import { pointInPolygon, preparePolygon, type PreparedPolygon } from '@safeschools/geo';
import type { PlacementArea } from '../../../db/registry/schools/placement-areas.repository.js';
import type { AreaRef, PlacementFacts, PlacementInput } from '../../../db/registry/schools/school-placement.repository.js';

const RANK: Record<string, number> = { block: 4, district: 3, state: 2, country: 1 };
const CODE_SYSTEMS = ['lgd', 'census2011', 'udise'] as const;
// Closer than this (in degrees, about 0.1 µm) a point counts as on the border, as ST_Covers counts it.
const ON_EDGE = 1e-12;
const CELL = 1;

interface Shape {
  area: PlacementArea;
  rank: number;
  polygon: PreparedPolygon;
}

const refOf = (a: PlacementArea): AreaRef => ({ id: a.id, path: a.path, name: a.name, names: a.names });

/** ST_Covers: inside by the even-odd rule, or on one of the edges of the point's strip (every edge that spans its latitude). */
function covers(p: PreparedPolygon, x: number, y: number): boolean {
  if (pointInPolygon(p, x, y)) return true;
  if (x < p.minLon || x > p.maxLon || y < p.minLat || y > p.maxLat) return false;
  const s = Math.floor((y - p.minLat) * p.invStrip);
  const strip = s < 0 ? 0 : s >= p.strips ? p.strips - 1 : s;
  const se = p.stripEdges;
  for (let j = 4 * (p.stripStart[strip] as number); j < 4 * (p.stripStart[strip + 1] as number); j += 4) {
    const ax = se[j] as number;
    const ay = se[j + 1] as number;
    const bx = se[j + 2] as number;
    const by = se[j + 3] as number;
    if (x < Math.min(ax, bx) - ON_EDGE || x > Math.max(ax, bx) + ON_EDGE) continue;
    if (y < Math.min(ay, by) - ON_EDGE || y > Math.max(ay, by) + ON_EDGE) continue;
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (Math.abs(cross) <= ON_EDGE * Math.hypot(bx - ax, by - ay)) return true;
  }
  return false;
}

/**
 * The live areas in memory, answering the same placement facts as `findPlacementFacts` does in SQL, without
 * a query per batch: an import reads the areas once and asks this for every school. Point-in-polygon per
 * school against ~700 district shapes was most of an import's time in PostGIS, which cannot reuse a prepared
 * shape when consecutive calls alternate between a state and its districts.
 */
export class PlacementIndex {
  private readonly grid = new Map<string, Shape[]>();
  private readonly byCode = { district: new Map<string, PlacementArea>(), state: new Map<string, PlacementArea>() };
  private readonly byId = new Map<string, PlacementArea>();
  private readonly districtCodeKeys = new Set<string>();
  private readonly anyGeometry: boolean;

  constructor(
    readonly stamp: string,
    areas: readonly PlacementArea[],
  ) {
    // Areas arrive ordered by id, so the first area kept for a code is the one `ORDER BY id LIMIT 1` picks.
    for (const a of areas) {
      this.byId.set(a.id, a);
      if (a.level === 'district') for (const k of Object.keys(a.codes)) this.districtCodeKeys.add(k);
      if (a.level === 'district' || a.level === 'state') {
        const map = this.byCode[a.level];
        for (const system of CODE_SYSTEMS) {
          const code = a.codes[system];
          if (typeof code === 'string' && !map.has(`${system}:${code}`)) map.set(`${system}:${code}`, a);
        }
      }
    }
    let any = false;
    for (const a of areas) {
      if (!a.polygons || a.polygons.length === 0) continue;
      any = true;
      const shape: Shape = { area: a, rank: RANK[a.level] ?? 0, polygon: preparePolygon(a.polygons) };
      const p = shape.polygon;
      for (let cx = Math.floor(p.minLon / CELL); cx <= Math.floor(p.maxLon / CELL); cx++)
        for (let cy = Math.floor(p.minLat / CELL); cy <= Math.floor(p.maxLat / CELL); cy++) {
          const key = `${cx},${cy}`;
          const list = this.grid.get(key);
          if (list) list.push(shape);
          else this.grid.set(key, [shape]);
        }
    }
    this.anyGeometry = any;
  }

  /** The deepest area covering the point; between equals, the smallest id. */
  private found(x: number, y: number): PlacementArea | null {
    let best: Shape | null = null;
    for (const s of this.grid.get(`${Math.floor(x / CELL)},${Math.floor(y / CELL)}`) ?? []) {
      if (best && (s.rank < best.rank || (s.rank === best.rank && s.area.id > best.area.id))) continue;
      if (covers(s.polygon, x, y)) best = s;
    }
    return best?.area ?? null;
  }

  private declaredArea(level: 'district' | 'state', declared: Record<string, Record<string, string>>): PlacementArea | null {
    const codes = declared[level] ?? {};
    let best: PlacementArea | null = null;
    for (const system of CODE_SYSTEMS) {
      const code = codes[system];
      const a = typeof code === 'string' ? this.byCode[level].get(`${system}:${code}`) : undefined;
      if (a && (!best || a.id < best.id)) best = a;
    }
    return best;
  }

  facts(input: PlacementInput): PlacementFacts {
    const declared = (input.declared ?? {}) as Record<string, Record<string, string>>;
    const found = input.location ? this.found(input.location[0], input.location[1]) : null;
    const district = found?.path.map((id) => this.byId.get(id)).find((a) => a?.level === 'district') ?? null;
    const declaredDistrict = this.declaredArea('district', declared);
    const declaredState = this.declaredArea('state', declared);
    return {
      schoolId: input.schoolId,
      hasLocation: input.location !== null,
      declared,
      found: found && refOf(found),
      foundDistrict: district && refOf(district),
      declaredDistrict: declaredDistrict && refOf(declaredDistrict),
      declaredState: declaredState && refOf(declaredState),
      districtCodesKnown: Object.keys(declared.district ?? {}).some((k) => this.districtCodeKeys.has(k)),
      anyGeometry: this.anyGeometry,
    };
  }
}
