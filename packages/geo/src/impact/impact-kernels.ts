import { logStepBits, mmiStep, tabulate, type FragilityTable } from '../fragility/fragility-table.js';
import type { FragilityFunction } from '../fragility/fragility-types.js';

// The per-school loops of computeImpact, each in its own function so V8 optimises it once and keeps it (a hot
// loop inside a bigger function is compiled on stack replacement and thrown away again by the cold code after
// it), taking typed arrays only.

// Tables depend only on the function (treated as immutable once used), so they are kept per function object.
const tableCache = new WeakMap<FragilityFunction, FragilityTable>();
export function tabulateCached(fn: FragilityFunction, states: number): FragilityTable {
  let t = tableCache.get(fn);
  if (!t || t.states !== states) {
    t = tabulate(fn, states);
    tableCache.set(fn, t);
  }
  return t;
}

export interface ExposureIn {
  intensity: Float32Array;
  bands: Float64Array;
  areaIdx: Int32Array;
  areaCount: number;
  girls: Uint32Array;
  boys: Uint32Array;
  total: Uint32Array;
  typology: Uint16Array;
}
export interface DamageIn {
  exceed: Float32Array;
  states: number;
  typoOffset: Int32Array;
  typoLog: Uint8Array;
  typoIm: Uint8Array;
  tableValues: Float32Array;
  im0: Float32Array;
  imArrays: Float32Array[];
}
export interface RollupOut {
  band: Uint8Array;
  exposedSchools: Float64Array;
  exposedGirls: Float64Array;
  exposedBoys: Float64Array;
  exposedChildren: Float64Array;
}

/**
 * Banding and exposure roll-up. Branch-free (the band is a count of thresholds reached, exposure a 0/1
 * factor): schools come in no spatial order, so branches on intensity mispredict about every other school.
 */
export function exposureKernel(x: ExposureIn, o: RollupOut): void {
  const { intensity, bands, areaIdx, areaCount, girls, boys, total } = x;
  const { band, exposedSchools, exposedGirls, exposedBoys, exposedChildren } = o;
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
export function damageKernel(x: ExposureIn, d: DamageIn, expected: Float64Array): void {
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
    // Logarithmic tables take their bucket from the float32 bits: no Math.log (25 ns here) per school.
    let step: number;
    if (typoLog[t] === 1) step = logStepBits((oneIm ? bits0 : (imBits[typoIm[t] as number] as Uint32Array))[i] as number);
    else {
      const im = (oneIm ? im0 : (imArrays[typoIm[t] as number] as Float32Array))[i] as number;
      step = im > 0 ? mmiStep(im) : -1;
    }
    addDamage(exceed, e0, states, expected, area * S1, tableValues, offset, step);
  }
}

/**
 * One school's damage from its typology's table (offset < 0: not assessed, NaN) and its bucket in it (step < 0:
 * no intensity, so no damage): writes its exceedances and adds to its area's expected schools per damage state.
 * Small enough for V8 to inline into the kernels' loops.
 */
export function addDamage(exceed: Float32Array, e0: number, states: number, expected: Float64Array, base: number, tableValues: Float32Array, offset: number, step: number): void {
  if (offset < 0) {
    for (let ls = 0; ls < states; ls++) exceed[e0 + ls] = Number.NaN;
    return;
  }
  if (step < 0) {
    expected[base]!++;
    for (let ls = 0; ls < states; ls++) exceed[e0 + ls] = 0;
    return;
  }
  const row = offset + step * states;
  if (states === 4) {
    // Unrolled for the usual four limit states: the generic loop's chain of read-modify-writes costs 1.5x.
    const p0 = tableValues[row] as number;
    const p1 = tableValues[row + 1] as number;
    const p2 = tableValues[row + 2] as number;
    const p3 = tableValues[row + 3] as number;
    exceed[e0] = p0;
    exceed[e0 + 1] = p1;
    exceed[e0 + 2] = p2;
    exceed[e0 + 3] = p3;
    expected[base]! += 1 - p0;
    expected[base + 1]! += p0 - p1;
    expected[base + 2]! += p1 - p2;
    expected[base + 3]! += p2 - p3;
    expected[base + 4]! += p3;
    return;
  }
  let prev = 1;
  for (let ls = 0; ls < states; ls++) {
    const p = tableValues[row + ls] as number;
    exceed[e0 + ls] = p;
    expected[base + ls]! += prev - p;
    prev = p;
  }
  expected[base + states]! += prev;
}
