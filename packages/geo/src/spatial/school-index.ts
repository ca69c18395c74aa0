import KDBush from 'kdbush';
import { GeoInputError, type GeoWarning } from '../errors.js';
import { buildCellGrid, type CellGrid } from './cell-grid.js';

export interface SchoolIndexInput {
  /** Optional external identifiers; results always use the position i in these arrays. */
  ids?: string[];
  lon: Float64Array;
  lat: Float64Array;
  girls: Uint32Array;
  boys: Uint32Array;
  total: Uint32Array;
  /** Index into `typologies`. */
  typology: Uint16Array;
  /** The registry's typology strings (e.g. 'RCC', 'kutcha', 'CR/LFINF+DUC/H:2'). */
  typologies: string[];
  /** District (area) index of each school; -1 when unknown. */
  areaIdx: Int32Array;
  /** Number of areas (districts); defaults to max(areaIdx) + 1. */
  areaCount?: number;
}

/**
 * The in-memory school index: a KD-tree (kdbush) for radius queries, and a cell grid for polygon work. Built
 * from typed arrays, rebuilt from the database when schools change; PostGIS remains the source of truth.
 * Schools with invalid coordinates are kept in the arrays but never match a spatial query.
 */
export class SchoolIndex {
  readonly size: number;
  readonly areaCount: number;
  readonly kd: KDBush;
  readonly grid: CellGrid;
  readonly valid: Uint8Array;
  readonly warnings: GeoWarning[];

  private constructor(
    readonly input: SchoolIndexInput,
    kd: KDBush,
    grid: CellGrid,
    valid: Uint8Array,
    areaCount: number,
    warnings: GeoWarning[],
  ) {
    this.size = input.lon.length;
    this.kd = kd;
    this.grid = grid;
    this.valid = valid;
    this.areaCount = areaCount;
    this.warnings = warnings;
  }

  private typologyCountsCache: Float64Array | null = null;

  /** Schools per typology-table entry (computed once). */
  get typologyCounts(): Float64Array {
    if (!this.typologyCountsCache) {
      const counts = new Float64Array(this.input.typologies.length);
      const t = this.input.typology;
      for (let i = 0; i < t.length; i++) counts[t[i] as number]!++;
      this.typologyCountsCache = counts;
    }
    return this.typologyCountsCache;
  }

  private areaCountsCache: Float64Array | null = null;

  /** Schools per area (computed once); the extra last entry counts schools without an area. */
  get areaSchoolCounts(): Float64Array {
    if (!this.areaCountsCache) {
      const counts = new Float64Array(this.areaCount + 1);
      const a = this.input.areaIdx;
      for (let i = 0; i < a.length; i++) {
        const v = a[i] as number;
        counts[v >= 0 ? v : this.areaCount]!++;
      }
      this.areaCountsCache = counts;
    }
    return this.areaCountsCache;
  }

  get lon(): Float64Array {
    return this.input.lon;
  }
  get lat(): Float64Array {
    return this.input.lat;
  }

  static build(input: SchoolIndexInput): SchoolIndex {
    const n = input.lon.length;
    const arrays = { lat: input.lat, girls: input.girls, boys: input.boys, total: input.total, typology: input.typology, areaIdx: input.areaIdx };
    const wrong = Object.entries(arrays).filter(([, a]) => a.length !== n);
    if (wrong.length > 0 || (input.ids && input.ids.length !== n)) {
      throw new GeoInputError('INDEX_INVALID', `All school arrays must have ${n} entries; these differ: ${[...wrong.map(([k]) => k), ...(input.ids && input.ids.length !== n ? ['ids'] : [])].join(', ')}.`);
    }
    const warnings: GeoWarning[] = [];
    const valid = new Uint8Array(n);
    const kd = new KDBush(Math.max(n, 1), 64);
    let invalid = 0;
    let maxArea = -1;
    let badTypology = 0;
    for (let i = 0; i < n; i++) {
      const x = input.lon[i] as number;
      const y = input.lat[i] as number;
      const ok = x >= -180 && x <= 180 && y >= -90 && y <= 90;
      valid[i] = ok ? 1 : 0;
      if (!ok) invalid++;
      // Invalid points go far outside any query box so ids stay equal to positions.
      kd.add(ok ? x : 1e6, ok ? y : 1e6);
      const a = input.areaIdx[i] as number;
      if (a > maxArea) maxArea = a;
      if ((input.typology[i] as number) >= input.typologies.length) badTypology++;
    }
    if (n === 0) kd.add(1e6, 1e6);
    kd.finish();
    if (invalid > 0) warnings.push({ code: 'SCHOOL_COORDINATES_INVALID', message: `${invalid} schools have no valid coordinates and are left out of every spatial result.` });
    if (badTypology > 0) throw new GeoInputError('INDEX_INVALID', `${badTypology} schools point past the end of the typology table.`);
    const areaCount = input.areaCount ?? maxArea + 1;
    if (maxArea >= areaCount) throw new GeoInputError('INDEX_INVALID', `areaIdx goes up to ${maxArea} but areaCount is ${areaCount}.`);
    const grid = buildCellGrid(input.lon, input.lat, valid, input.girls, input.boys, input.total);
    return new SchoolIndex(input, kd, grid, valid, areaCount, warnings);
  }
}
