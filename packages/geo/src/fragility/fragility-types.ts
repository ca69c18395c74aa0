import { lognormalCdf } from './lognormal.js';

interface FragilityBase {
  id: string;
  /** Intensity measure: 'PGA' (g), 'SA(0.3)' (g), 'MMI', 'WIND' (m/s)... */
  imt: string;
  /** Below this intensity no damage is assumed (OpenQuake noDamageLimit). */
  noDamageLimit?: number;
}

export interface LognormalFragility extends FragilityBase {
  kind: 'lognormal';
  /** Median per limit state. */
  theta: number[];
  /** Log-standard deviation per limit state. */
  beta: number[];
}

export interface DiscreteFragility extends FragilityBase {
  kind: 'discrete';
  imls: number[];
  /** poes[ls][k]: probability of reaching limit state ls at imls[k]. */
  poes: number[][];
}

export type FragilityFunction = LognormalFragility | DiscreteFragility;

export interface FragilitySet {
  id: string;
  /** Ordered from least to most severe, e.g. slight, moderate, extensive, complete. */
  limitStates: string[];
  functions: FragilityFunction[];
  source?: string;
}

/** P(DS >= limit state ls | im). Discrete curves are interpolated linearly and held flat beyond their ends. */
export function exceedance(fn: FragilityFunction, ls: number, im: number): number {
  if (!(im > 0) || (fn.noDamageLimit !== undefined && im < fn.noDamageLimit)) return 0;
  if (fn.kind === 'lognormal') return lognormalCdf(im, fn.theta[ls] as number, fn.beta[ls] as number);
  const x = fn.imls;
  const y = fn.poes[ls] as number[];
  if (im <= (x[0] as number)) return y[0] as number;
  const last = x.length - 1;
  if (im >= (x[last] as number)) return y[last] as number;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] as number) <= im) lo = mid;
    else hi = mid;
  }
  const t = (im - (x[lo] as number)) / ((x[hi] as number) - (x[lo] as number));
  return (y[lo] as number) + t * ((y[hi] as number) - (y[lo] as number));
}
