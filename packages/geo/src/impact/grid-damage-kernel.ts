import type { GridSpec } from '../shakemap/grid-types.js';
import type { CellGrid } from '../spatial/cell-grid.js';
import type { SchoolIndex } from '../spatial/school-index.js';
import { logStepBits, mmiStep } from '../fragility/fragility-table.js';
import { addDamage, type DamageIn, type ExposureIn, type RollupOut } from './impact-kernels.js';

/** A grid hazard whose fragility functions all read one grid field: sampled, banded and assessed in one pass. */
export interface GridDamageIn {
  spec: GridSpec;
  /** The displayed (banded) field, and the field fragility reads with its divisor (ShakeMap %g to g). */
  display: Float32Array;
  im: Float32Array;
  imDiv: number;
}

/**
 * computeImpact's earthquake path in two passes. Pass 1 walks the schools in the index's cell order, so the
 * grid's nodes are read locally, and interpolates both fields, writing each school's (intensity, fragility
 * measure) pair to one 8-byte slot: one scattered cache line per school. Pass 2 walks the schools in school
 * order, every input and output sequential, and does band, exposure and damage at once. Values are
 * bit-identical to sampleGridAtSchools followed by exposureKernel and damageKernel: the same float32
 * roundings, the same table buckets, the same sums in the same order.
 */
export function gridDamageKernel(index: SchoolIndex, x: ExposureIn, g: GridDamageIn, o: RollupOut, d: DamageIn, expected: Float64Array): void {
  const n = index.size;
  const pairs = scratchPairs(index.grid, n);
  // Schools without valid coordinates are not in the cell order: no intensity.
  if (index.grid.order.length < n) for (let i = 0; i < n; i++) if (!index.valid[i]) pairs[2 * i] = pairs[2 * i + 1] = Number.NaN;
  samplePairs(index.grid, g, pairs);
  assess(pairs, x, o, d, expected);
}

/**
 * The pairs buffer is scratch (every slot is written before it is read, and nothing keeps it), so it is kept
 * with the index and reused: a fresh 8 bytes per school costs a page fault per 4 KiB on every call.
 */
const scratch = new WeakMap<CellGrid, Float32Array>();
function scratchPairs(grid: CellGrid, n: number): Float32Array {
  let pairs = scratch.get(grid);
  if (!pairs || pairs.length !== 2 * n) {
    pairs = new Float32Array(2 * n);
    scratch.set(grid, pairs);
  }
  return pairs;
}

function samplePairs(grid: CellGrid, g: GridDamageIn, out: Float32Array): void {
  const { order, sLon, sLat } = grid;
  const { spec, display: a, im: b, imDiv: bDiv } = g;
  const nlon = spec.nlon;
  const maxX = nlon - 1;
  const maxY = spec.nlat - 1;
  const lonMin = spec.lonMin;
  const latMax = spec.latMax;
  const fxScale = maxX / (spec.lonMax - spec.lonMin);
  const fyScale = maxY / (spec.latMax - spec.latMin);
  const m = order.length;
  for (let k = 0; k < m; k++) {
    const at = 2 * (order[k] as number);
    const fx = ((sLon[k] as number) - lonMin) * fxScale;
    const fy = (latMax - (sLat[k] as number)) * fyScale;
    if (!(fx >= 0 && fx <= maxX && fy >= 0 && fy <= maxY)) {
      out[at] = Number.NaN;
      out[at + 1] = Number.NaN;
      continue;
    }
    // At the last row/column step back one cell so the four nodes exist; fx, fy >= 0, so truncation is floor.
    const x0 = fx < maxX ? fx | 0 : maxX - 1;
    const y0 = fy < maxY ? fy | 0 : maxY - 1;
    const tx = fx - x0;
    const ty = fy - y0;
    const ux = 1 - tx;
    const uy = 1 - ty;
    const c0 = (y0 * nlon + x0) | 0;
    const c2 = (c0 + nlon) | 0;
    // Same expressions and roundings as sampleGridAtSchools.
    out[at] = Math.fround(((a[c0] as number) * ux + (a[c0 + 1] as number) * tx) * uy + ((a[c2] as number) * ux + (a[c2 + 1] as number) * tx) * ty);
    out[at + 1] = Math.fround(((b[c0] as number) * ux + (b[c0 + 1] as number) * tx) * uy + ((b[c2] as number) * ux + (b[c2 + 1] as number) * tx) * ty) / bDiv;
  }
}

/** exposureKernel and damageKernel in one school-order loop, reading intensity and measure from the pairs. */
function assess(pairs: Float32Array, x: ExposureIn, o: RollupOut, d: DamageIn, expected: Float64Array): void {
  const { intensity, bands, areaIdx, areaCount, girls, boys, total, typology } = x;
  const { band } = o;
  const { exceed, states, typoOffset, typoLog, tableValues } = d;
  // One area's four exposure sums on one cache line rather than in four arrays.
  const acc = new Float64Array(4 * (areaCount + 1));
  const bits = new Uint32Array(pairs.buffer, pairs.byteOffset, pairs.length);
  const nb = bands.length;
  const S1 = states + 1;
  const n = intensity.length;
  for (let i = 0; i < n; i++) {
    const ai = areaIdx[i] as number;
    const area = ai >= 0 ? ai : areaCount;
    const v = pairs[2 * i] as number;
    intensity[i] = v;
    let b = 0;
    for (let j = 0; j < nb; j++) b += +(v >= (bands[j] as number));
    band[i] = b;
    // Branch-free: schools come in no spatial order, so a branch on exposure would mispredict half the time.
    const e = +(b > 0);
    const at = 4 * area;
    acc[at]! += e;
    acc[at + 1]! += e * (girls[i] as number);
    acc[at + 2]! += e * (boys[i] as number);
    acc[at + 3]! += e * (total[i] as number);

    const t = typology[i] as number;
    const offset = typoOffset[t] as number;
    const e0 = i * states;
    // Logarithmic tables take their bucket from the float32 bits: no Math.log per school.
    let step: number;
    if (typoLog[t] === 1) step = logStepBits(bits[2 * i + 1] as number);
    else {
      const im = pairs[2 * i + 1] as number;
      step = im > 0 ? mmiStep(im) : -1;
    }
    addDamage(exceed, e0, states, expected, area * S1, tableValues, offset, step);
  }
  for (let a = 0; a <= areaCount; a++) {
    o.exposedSchools[a] = acc[4 * a] as number;
    o.exposedGirls[a] = acc[4 * a + 1] as number;
    o.exposedBoys[a] = acc[4 * a + 2] as number;
    o.exposedChildren[a] = acc[4 * a + 3] as number;
  }
}
