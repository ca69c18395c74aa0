import { exceedance, type FragilityFunction } from './fragility-types.js';

/**
 * Fragility curves tabulated so the per-school loop is a lookup, not a CDF evaluation.
 * - MMI: linear, 0.01 steps over 1..12, nearest entry.
 * - Physical measures (PGA, SA, wind...): a logarithmic table indexed straight from the bits of the IEEE-754
 *   double (exponent and the top LOG_BITS mantissa bits), so no Math.log per school. Each entry holds the
 *   curve at the geometric middle of its bucket; buckets are at most ln(1 + 2^-9) = 0.00195 wide in ln(IM),
 *   so the value is within 0.001 of ln(IM) (finer than the 0.0025-wide nearest-entry table this replaced).
 *   Range 2^-10 .. 2^5 (about 0.001 .. 32), held flat beyond.
 */
export interface FragilityTable {
  log: boolean;
  steps: number;
  states: number;
  /** values[(step * states) + ls] */
  values: Float32Array;
}

const LOG_BITS = 9;
const MIN_EXP = -10;
const MAX_EXP = 5;
const LOG_STEPS = (MAX_EXP - MIN_EXP) << LOG_BITS;
/** High word of the double 2^MIN_EXP, shifted: the key of the first bucket. */
const KEY0 = (MIN_EXP + 1023) << LOG_BITS;
const MMI_STEPS = 1101;

const f64 = new Float64Array(1);
const hi32 = new Uint32Array(f64.buffer, 4, 1);
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('The fragility table assumes a little-endian platform.');

export function tabulate(fn: FragilityFunction, states: number): FragilityTable {
  const log = fn.imt.toUpperCase() !== 'MMI';
  const steps = log ? LOG_STEPS : MMI_STEPS;
  const values = new Float32Array(steps * states);
  const perOctave = 1 << LOG_BITS;
  for (let k = 0; k < steps; k++) {
    let im: number;
    if (log) {
      const e = MIN_EXP + Math.floor(k / perOctave);
      const m = k % perOctave;
      im = 2 ** e * Math.sqrt((1 + m / perOctave) * (1 + (m + 1) / perOctave));
    } else im = 1 + k / 100;
    for (let ls = 0; ls < states; ls++) values[k * states + ls] = exceedance(fn, ls, im);
  }
  return { log, steps, states, values };
}

/** Bucket of a positive finite IM in a logarithmic table (clamped to the table). */
export function logStep(im: number): number {
  f64[0] = im;
  const k = ((hi32[0] as number) >>> (20 - LOG_BITS)) - KEY0;
  return k < 0 ? 0 : k >= LOG_STEPS ? LOG_STEPS - 1 : k;
}

/** High word of the float32 2^MIN_EXP, shifted: the key of the first bucket when reading float32 bits. */
const KEY0_F32 = (MIN_EXP + 127) << LOG_BITS;

/**
 * The same bucket as logStep, read from the bits of a float32 (a Uint32Array view over a Float32Array), or -1
 * when the value is not > 0 (zero, negative, NaN).
 */
export function logStepBits(bits: number): number {
  if (bits === 0 || bits > 0x7f800000) return -1;
  const k = (bits >>> (23 - LOG_BITS)) - KEY0_F32;
  return k < 0 ? 0 : k >= LOG_STEPS ? LOG_STEPS - 1 : k;
}

/** Entry of an MMI table (clamped to the table). */
export function mmiStep(mmi: number): number {
  const k = Math.round((mmi - 1) * 100);
  return k < 0 ? 0 : k >= MMI_STEPS ? MMI_STEPS - 1 : k;
}

/** Row offset into `values` for an intensity, or -1 for no data / no intensity. */
export function tableRow(t: FragilityTable, im: number): number {
  if (!(im > 0)) return -1;
  return (t.log ? logStep(im) : mmiStep(im)) * t.states;
}
