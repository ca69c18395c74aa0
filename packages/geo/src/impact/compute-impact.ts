import type { GeoWarning } from '../errors.js';
import type { FragilitySet } from '../fragility/fragility-types.js';
import { mapTypologies } from '../fragility/map-typologies.js';
import type { SchoolIndex } from '../spatial/school-index.js';
import { fusedGridPlan, hazardIntensity } from './hazard-intensity.js';
import { buildTables, type Tables } from './fragility-tables.js';
import { gridDamageKernel } from './grid-damage-kernel.js';
import { damageKernel, exposureKernel, type ExposureIn } from './impact-kernels.js';
import type { Hazard } from './hazard-types.js';

export interface ImpactOptions {
  /** Fragility set; omit for exposure only. */
  fragility?: FragilitySet;
  /** Fragility function index per typology entry (from mapTypologies); computed with the default rules if absent. */
  typologyFunction?: Int32Array;
  /** Ascending intensity thresholds; band = how many are reached. A school is exposed from band 1. */
  bands?: number[];
}

// Default bands: MMI V, VI, VII, VIII (USGS PAGER shaking levels); wind at the IMD thresholds of 34, 48, 64,
// 90 and 120 kt (cyclonic storm .. super cyclonic storm) in m/s; footprints: inside or not.
const DEFAULT_BANDS: Record<string, number[]> = { MMI: [5, 6, 7, 8], PGA: [0.05, 0.1, 0.2, 0.4], WIND: [17.5, 24.7, 32.9, 46.3, 61.7] };

/** The bands used when none are given: PAGER MMI levels, PGA in g, IMD wind classes in m/s, else inside-or-not. */
export function defaultBands(imt: string): number[] {
  return [...(DEFAULT_BANDS[imt] ?? [0.5])];
}

export interface AreaRollup {
  schools: Float64Array;
  exposedSchools: Float64Array;
  exposedGirls: Float64Array;
  exposedBoys: Float64Array;
  exposedChildren: Float64Array;
  /** Expected schools per damage state, [area * (states + 1) + ds], ds 0 = none. */
  expectedByDamageState: Float64Array;
}

export interface ImpactResult {
  imt: string;
  intensity: Float32Array;
  band: Uint8Array;
  /** P(DS >= limit state) per school, [school * states + ls]; NaN when not assessed. */
  damage: { limitStates: string[]; exceedance: Float32Array } | null;
  areas: AreaRollup;
  totals: { schools: number; exposedSchools: number; exposedGirls: number; exposedBoys: number; exposedChildren: number; expectedByDamageState: number[] };
  warnings: GeoWarning[];
}

/**
 * Impact of one hazard on every school: intensity, band, damage-state probabilities, and per-area and total
 * roll-ups (schools, exposed children by sex, expected schools per damage state). Grids are sampled in the
 * index's cell order (local reads); the roll-ups are plain loops over typed arrays in school order, in
 * impact-kernels.ts. A grid whose fragility reads one of its fields (a ShakeMap with Hazus PGA curves) takes
 * grid-damage-kernel.ts instead: the same values, in two passes and without the intermediate arrays.
 */
export function computeImpact(index: SchoolIndex, hazard: Hazard, options: ImpactOptions = {}): ImpactResult {
  const warnings: GeoWarning[] = [...index.warnings];
  const set = options.fragility;
  const states = set ? set.limitStates.length : 0;
  // A grid whose fragility reads one of its fields goes through the fused one-pass kernel; anything else samples
  // the hazard first and then runs the exposure and damage kernels over the per-school intensities.
  const fused = set && hazard.kind === 'grid' ? fusedGridPlan(hazard, set) : null;
  const wanted = set && !fused ? [...new Set(set.functions.map((f) => f.imt.toUpperCase()))] : [];
  const hz = fused ? null : hazardIntensity(index, hazard, warnings, wanted);
  const imt = fused ? fused.imt : hz!.imt;
  const n = index.size;
  const bands = Float64Array.from(options.bands ?? defaultBands(imt));
  const { girls, boys, total, typology, areaIdx, typologies } = index.input;
  const imArrays: Float32Array[] = [];
  let tables: Tables = { typoOffset: new Int32Array(typologies.length).fill(-1), typoLog: new Uint8Array(typologies.length), typoIm: new Uint8Array(typologies.length), tableValues: new Float32Array(0) };
  if (set) {
    let fnOf: Int32Array;
    if (options.typologyFunction) fnOf = options.typologyFunction;
    else {
      const mapping = mapTypologies(typologies, set, { counts: index.typologyCounts });
      fnOf = mapping.functionIndex;
      warnings.push(...mapping.warnings);
    }
    if (fused) tables = buildTables(set, fnOf, typologies.length, states, () => 0);
    else {
      const byImt = new Map<string, Float32Array | null>();
      const imFor = set.functions.map((f) => {
        const key = f.imt.toUpperCase();
        if (!byImt.has(key)) byImt.set(key, hz!.forImt(key));
        return byImt.get(key) ?? null;
      });
      const missing = [...byImt].filter(([, v]) => v === null).map(([k]) => k);
      if (missing.length > 0) warnings.push({ code: 'FRAGILITY_IMT_UNAVAILABLE', message: `The hazard gives no ${missing.join(', ')}; schools whose fragility uses it are left unassessed.` });
      tables = buildTables(set, fnOf, typologies.length, states, (f) => {
        const im = imFor[f];
        if (!im) return -1;
        const slot = imArrays.indexOf(im);
        return slot >= 0 ? slot : imArrays.push(im) - 1;
      });
    }
  }
  const { typoOffset, typoLog, typoIm, tableValues } = tables;
  const band = new Uint8Array(n);
  const exceed = set ? new Float32Array(n * states) : null;
  const areaCount = index.areaCount;
  const A = areaCount + 1; // last slot collects schools without an area
  const S1 = states + 1;
  const schools = index.areaSchoolCounts.slice();
  const exposedSchools = new Float64Array(A);
  const exposedGirls = new Float64Array(A);
  const exposedBoys = new Float64Array(A);
  const exposedChildren = new Float64Array(A);
  const expected = new Float64Array(A * S1);
  const intensity = fused ? new Float32Array(n) : hz!.intensity;
  const x: ExposureIn = { intensity, bands, areaIdx, areaCount, girls, boys, total, typology };
  const rollup = { band, exposedSchools, exposedGirls, exposedBoys, exposedChildren };
  if (fused && exceed) {
    const { spec } = (hazard as Extract<Hazard, { kind: 'grid' }>).grid;
    gridDamageKernel(index, x, { spec, display: fused.display, im: fused.im, imDiv: fused.imDiv }, rollup, { exceed, states, typoOffset, typoLog, typoIm, tableValues, im0: intensity, imArrays: [] }, expected);
  } else {
    exposureKernel(x, rollup);
    const im0 = imArrays[0] ?? intensity;
    if (exceed) damageKernel(x, { exceed, states, typoOffset, typoLog, typoIm, tableValues, im0, imArrays }, expected);
  }
  if (schools[areaCount]! > 0) warnings.push({ code: 'SCHOOLS_WITHOUT_AREA', message: `${schools[areaCount]} schools have no area; they count in the totals only.` });
  const sum = (arr: Float64Array): number => arr.reduce((s, x) => s + x, 0);
  const expectedTotals = Array.from({ length: S1 }, (_, ds) => {
    let s = 0;
    for (let k = 0; k <= areaCount; k++) s += expected[k * S1 + ds] as number;
    return s;
  });
  const areas: AreaRollup = {
    schools: schools.slice(0, areaCount),
    exposedSchools: exposedSchools.slice(0, areaCount),
    exposedGirls: exposedGirls.slice(0, areaCount),
    exposedBoys: exposedBoys.slice(0, areaCount),
    exposedChildren: exposedChildren.slice(0, areaCount),
    expectedByDamageState: expected.slice(0, areaCount * S1),
  };
  return {
    imt,
    intensity,
    band,
    damage: set && exceed ? { limitStates: set.limitStates, exceedance: exceed } : null,
    areas,
    totals: { schools: n, exposedSchools: sum(exposedSchools), exposedGirls: sum(exposedGirls), exposedBoys: sum(exposedBoys), exposedChildren: sum(exposedChildren), expectedByDamageState: expectedTotals },
    warnings,
  };
}
