import { SchoolIndex } from '@safeschools/geo';
import type { Database } from '../../db/database.js';
import { areaLevels, engineSchoolsPage, registryStamp } from '../../db/events/engine-schools.repository.js';

const PAGE = 50_000;

/** The in-memory registry the impact engine works on, with what maps its positions back to the database. */
export interface EngineSnapshot {
  index: SchoolIndex;
  /** School id at each engine position. */
  schoolIds: string[];
  /** District id of each engine area index (SchoolIndex areaIdx). */
  districtIds: string[];
  /**
   * Which enrolment figures the registry holds for the school at each position (KNOWN_* bits). The index's own
   * arrays hold 0 for a missing figure, which the geo engine needs; this says whether that 0 is a figure at all.
   */
  known: Uint8Array;
  stamp: string;
  builtAt: Date;
  buildMs: number;
}

export const KNOWN_CHILDREN = 1;
export const KNOWN_GIRLS = 2;
export const KNOWN_BOYS = 4;

/** The enrolment of the school at an engine position; null where the registry has no such figure (unknown, not 0). */
export function enrolmentAt(
  snapshot: EngineSnapshot,
  i: number,
): { children: number | null; girls: number | null; boys: number | null } {
  const known = snapshot.known[i] as number;
  const { girls, boys, total } = snapshot.index.input;
  return {
    children: known & KNOWN_CHILDREN ? (total[i] as number) : null,
    girls: known & KNOWN_GIRLS ? (girls[i] as number) : null,
    boys: known & KNOWN_BOYS ? (boys[i] as number) : null,
  };
}

/** District of every live area: the area itself when it is a district, else the district on its path. */
function districtOfAreas(rows: { id: string; level: string; path: string[] }[]): Map<string, string> {
  const level = new Map(rows.map((r) => [r.id, r.level]));
  const out = new Map<string, string>();
  for (const r of rows) {
    const district = r.level === 'district' ? r.id : r.path.find((id) => level.get(id) === 'district');
    if (district) out.set(r.id, district);
  }
  return out;
}

class Growable<T extends Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(1024, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Reads every located school page by page (bounded memory per page) into typed arrays and builds the index. */
export async function buildEngineSnapshot(database: Database): Promise<EngineSnapshot> {
  const started = performance.now();
  const stamp = await registryStamp(database);
  const districtOf = districtOfAreas(await areaLevels(database));
  const districtIndex = new Map<string, number>();
  const districtIds: string[] = [];
  const typologyIndex = new Map<string, number>();
  const typologies: string[] = [];
  const schoolIds: string[] = [];
  const lon = new Growable(new Float64Array(0), (n) => new Float64Array(n));
  const lat = new Growable(new Float64Array(0), (n) => new Float64Array(n));
  const girls = new Growable(new Uint32Array(0), (n) => new Uint32Array(n));
  const boys = new Growable(new Uint32Array(0), (n) => new Uint32Array(n));
  const total = new Growable(new Uint32Array(0), (n) => new Uint32Array(n));
  const known = new Growable(new Uint8Array(0), (n) => new Uint8Array(n));
  const typology = new Growable(new Uint16Array(0), (n) => new Uint16Array(n));
  const areaIdx = new Growable(new Int32Array(0), (n) => new Int32Array(n));
  let after: string | null = null;
  for (;;) {
    const rows = await engineSchoolsPage(database, after, PAGE);
    for (const r of rows) {
      schoolIds.push(r.id);
      lon.push(Number(r.lon));
      lat.push(Number(r.lat));
      girls.push(Number(r.girls ?? 0));
      boys.push(Number(r.boys ?? 0));
      total.push(Number(r.total ?? 0));
      known.push(
        (r.total === null ? 0 : KNOWN_CHILDREN) | (r.girls === null ? 0 : KNOWN_GIRLS) | (r.boys === null ? 0 : KNOWN_BOYS),
      );
      let t = typologyIndex.get(r.typology);
      // Typologies beyond 65,535 distinct strings share the last slot (unmapped → default fragility).
      if (t === undefined) {
        t = Math.min(typologies.length, 65_535);
        if (t === typologies.length) typologies.push(r.typology);
        typologyIndex.set(r.typology, t);
      }
      typology.push(t);
      const district = r.area_id ? districtOf.get(r.area_id) : undefined;
      let a = -1;
      if (district) {
        a = districtIndex.get(district) ?? -1;
        if (a < 0) {
          a = districtIds.push(district) - 1;
          districtIndex.set(district, a);
        }
      }
      areaIdx.push(a);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  const index = SchoolIndex.build({
    lon: lon.done(),
    lat: lat.done(),
    girls: girls.done(),
    boys: boys.done(),
    total: total.done(),
    typology: typology.done(),
    typologies,
    areaIdx: areaIdx.done(),
    areaCount: districtIds.length,
  });
  return { index, schoolIds, districtIds, known: known.done(), stamp, builtAt: new Date(), buildMs: performance.now() - started };
}

/**
 * Keeps one engine snapshot current for the whole server. `current()` compares the registry's change stamp (one
 * cheap query) and rebuilds when schools or areas changed since, so an impact is never computed against a stale
 * registry; concurrent callers share one rebuild. Built at start-up so the first alert does not wait for it.
 */
export class ImpactEngine {
  private snapshot: EngineSnapshot | null = null;
  private building: Promise<EngineSnapshot> | null = null;

  constructor(private readonly database: Database) {}

  async current(): Promise<EngineSnapshot> {
    const stamp = await registryStamp(this.database);
    if (this.snapshot && this.snapshot.stamp === stamp) return this.snapshot;
    return this.rebuild();
  }

  /** The snapshot as last built, without checking the registry (for metrics). */
  get last(): EngineSnapshot | null {
    return this.snapshot;
  }

  rebuild(): Promise<EngineSnapshot> {
    this.building ??= buildEngineSnapshot(this.database)
      .then((s) => {
        this.snapshot = s;
        return s;
      })
      .finally(() => {
        this.building = null;
      });
    return this.building;
  }
}
