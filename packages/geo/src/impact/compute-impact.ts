import type { GeoWarning } from '../errors.js';
import { logStepBits, mmiStep, tabulate, type FragilityTable } from '../fragility/fragility-table.js';
import type { FragilityFunction, FragilitySet } from '../fragility/fragility-types.js';
import { mapTypologies } from '../fragility/map-typologies.js';
import type { SchoolIndex } from '../spatial/school-index.js';
import { hazardIntensity } from './hazard-intensity.js';
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
 * roll-ups (schools, exposed children by sex, expected schools per damage state). One pass over typed arrays.
 */
export function computeImpact(index: SchoolIndex, hazard: Hazard, options: ImpactOptions = {}): ImpactResult {
  const warnings: GeoWarning[] = [...index.warnings];
  const set = options.fragility;
  const wanted = set ? [...new Set(set.functions.map((f) => f.imt.toUpperCase()))] : [];
  const hz = hazardIntensity(index, hazard, warnings, wanted);
  const n = index.size;
  const bands = Float64Array.from(options.bands ?? DEFAULT_BANDS[hz.imt] ?? [0.5]);
  const states = set ? set.limitStates.length : 0;
  const { girls, boys, total, typology, areaIdx, typologies } = index.input;
  // Per typology entry: offset of its fragility table in `tableValues` (-1: not assessed), whether the table is
  // logarithmic, and which intensity array it reads.
  const typoOffset = new Int32Array(typologies.length).fill(-1);
  const typoLog = new Uint8Array(typologies.length);
  const typoIm = new Uint8Array(typologies.length);
  const imArrays: Float32Array[] = [];
  let tableValues = new Float32Array(0);
  if (set) {
    let fnOf: Int32Array;
    if (options.typologyFunction) fnOf = options.typologyFunction;
    else {
      const mapping = mapTypologies(typologies, set, { counts: index.typologyCounts });
      fnOf = mapping.functionIndex;
      warnings.push(...mapping.warnings);
    }
    const byImt = new Map<string, Float32Array | null>();
    const imFor = set.functions.map((f) => {
      const key = f.imt.toUpperCase();
      if (!byImt.has(key)) byImt.set(key, hz.forImt(key));
      return byImt.get(key) ?? null;
    });
    const missing = [...byImt].filter(([, v]) => v === null).map(([k]) => k);
    if (missing.length > 0) warnings.push({ code: 'FRAGILITY_IMT_UNAVAILABLE', message: `The hazard gives no ${missing.join(', ')}; schools whose fragility uses it are left unassessed.` });
    // Tabulate only the functions some typology uses.
    const tables = new Map<number, { offset: number; table: FragilityTable }>();
    let size = 0;
    for (let t = 0; t < typologies.length; t++) {
      const f = fnOf[t] as number;
      const fn = set.functions[f];
      const im = imFor[f];
      if (!fn || !im) continue;
      let entry = tables.get(f);
      if (!entry) {
        entry = { offset: size, table: tabulateCached(fn, states) };
        size += entry.table.values.length;
        tables.set(f, entry);
      }
      let slot = imArrays.indexOf(im);
      if (slot < 0) slot = imArrays.push(im) - 1;
      typoOffset[t] = entry.offset;
      typoLog[t] = entry.table.log ? 1 : 0;
      typoIm[t] = slot;
    }
    tableValues = new Float32Array(size);
    for (const { offset, table } of tables.values()) tableValues.set(table.values, offset);
  }
  const band = new Uint8Array(n);
  const exceed = set ? new Float32Array(n * states) : null;
  const areaCount = index.areaCount;
  const A = areaCount + 1; // last slot collects schools without an area
  const S1 = states + 1;
  const schools = new Float64Array(A);
  const exposedSchools = new Float64Array(A);
  const exposedGirls = new Float64Array(A);
  const exposedBoys = new Float64Array(A);
  const exposedChildren = new Float64Array(A);
  const expected = new Float64Array(A * S1);
  const im0 = imArrays[0] ?? hz.intensity;
  const x: ExposureIn = { intensity: hz.intensity, bands, areaIdx, areaCount, girls, boys, total, typology };
  exposureKernel(x, { band, schools, exposedSchools, exposedGirls, exposedBoys, exposedChildren });
  if (exceed) damageKernel(x, { exceed, states, typoOffset, typoLog, typoIm, tableValues, im0, imArrays }, expected);
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
    imt: hz.imt,
    intensity: hz.intensity,
    band,
    damage: set && exceed ? { limitStates: set.limitStates, exceedance: exceed } : null,
    areas,
    totals: { schools: n, exposedSchools: sum(exposedSchools), exposedGirls: sum(exposedGirls), exposedBoys: sum(exposedBoys), exposedChildren: sum(exposedChildren), expectedByDamageState: expectedTotals },
    warnings,
  };
}

// Tables depend only on the function (treated as immutable once used), so they are kept per function object.
const tableCache = new WeakMap<FragilityFunction, FragilityTable>();
function tabulateCached(fn: FragilityFunction, states: number): FragilityTable {
  let t = tableCache.get(fn);
  if (!t || t.states !== states) {
    t = tabulate(fn, states);
    tableCache.set(fn, t);
  }
  return t;
}

interface ExposureIn {
  intensity: Float32Array;
  bands: Float64Array;
  areaIdx: Int32Array;
  areaCount: number;
  girls: Uint32Array;
  boys: Uint32Array;
  total: Uint32Array;
  typology: Uint16Array;
}
interface DamageIn {
  exceed: Float32Array;
  states: number;
  typoOffset: Int32Array;
  typoLog: Uint8Array;
  typoIm: Uint8Array;
  tableValues: Float32Array;
  im0: Float32Array;
  imArrays: Float32Array[];
}
interface RollupOut {
  band: Uint8Array;
  schools: Float64Array;
  exposedSchools: Float64Array;
  exposedGirls: Float64Array;
  exposedBoys: Float64Array;
  exposedChildren: Float64Array;
}

/**
 * Banding and exposure roll-up. Branch-free (the band is a count of thresholds reached, exposure a 0/1
 * factor): schools come in no spatial order, so branches on intensity mispredict about every other school.
 */
function exposureKernel(x: ExposureIn, o: RollupOut): void {
  const { intensity, bands, areaIdx, areaCount, girls, boys, total } = x;
  const { band, schools, exposedSchools, exposedGirls, exposedBoys, exposedChildren } = o;
  const n = intensity.length;
  const nb = bands.length;
  for (let i = 0; i < n; i++) {
    const ai = areaIdx[i] as number;
    const area = ai >= 0 ? ai : areaCount;
    const v = intensity[i] as number;
    let b = 0;
    for (let j = 0; j < nb; j++) b += +(v >= (bands[j] as number));
    band[i] = b;
    const e = +(b > 0);
    schools[area]!++;
    exposedSchools[area]! += e;
    exposedGirls[area]! += e * (girls[i] as number);
    exposedBoys[area]! += e * (boys[i] as number);
    exposedChildren[area]! += e * (total[i] as number);
  }
}

/**
 * Damage-state probabilities and expected schools per damage state. Typed arrays only, school order
 * (sequential reads); every exceedance entry is written (NaN when not assessed), so it needs no fill.
 */
function damageKernel(x: ExposureIn, d: DamageIn, expected: Float64Array): void {
  const { areaIdx, areaCount, typology } = x;
  const { exceed, states, typoOffset, typoLog, typoIm, tableValues, im0, imArrays } = d;
  const imBits = imArrays.map((a) => new Uint32Array(a.buffer, a.byteOffset, a.length));
  const bits0 = new Uint32Array(im0.buffer, im0.byteOffset, im0.length);
  const n = typology.length;
  const oneIm = imArrays.length <= 1;
  const S1 = states + 1;
  for (let i = 0; i < n; i++) {
    const ai = areaIdx[i] as number;
    const area = ai >= 0 ? ai : areaCount;
    const t = typology[i] as number;
    const offset = typoOffset[t] as number;
    const e0 = i * states;
    if (offset < 0) {
      for (let ls = 0; ls < states; ls++) exceed[e0 + ls] = Number.NaN;
      continue;
    }
    const base = area * S1;
    // Logarithmic tables take their bucket from the float32 bits: no Math.log (25 ns here) per school.
    let step: number;
    if (typoLog[t] === 1) step = logStepBits((oneIm ? bits0 : (imBits[typoIm[t] as number] as Uint32Array))[i] as number);
    else {
      const im = (oneIm ? im0 : (imArrays[typoIm[t] as number] as Float32Array))[i] as number;
      step = im > 0 ? mmiStep(im) : -1;
    }
    if (step < 0) {
      expected[base]!++;
      for (let ls = 0; ls < states; ls++) exceed[e0 + ls] = 0;
      continue;
    }
    const row = offset + step * states;
    let prev = 1;
    for (let ls = 0; ls < states; ls++) {
      const p = tableValues[row + ls] as number;
      exceed[e0 + ls] = p;
      expected[base + ls]! += prev - p;
      prev = p;
    }
    expected[base + states]! += prev;
  }
}
