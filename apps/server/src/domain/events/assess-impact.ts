import { computeImpact, defaultBands, DEFAULT_FRAGILITY, type GeoWarning, type Hazard } from '@safeschools/geo';
import { FigureSum, type FigureTotal } from '../shared/figure-total.js';
import { enrolmentAt, type EngineSnapshot } from './impact-engine.js';

/** One affected school (band 1 and above), by engine position. */
export interface AffectedArrays {
  /** Engine positions of affected schools. */
  positions: Uint32Array;
  intensity: Float32Array;
  band: Uint8Array;
  /** P(DS >= limit state), [k * states + ls]; empty without fragility. */
  damage: Float32Array;
}

export interface ImpactTotals {
  schools: number;
  /** Summed over the affected schools with each figure, saying how many have it and how many do not. */
  children: FigureTotal;
  girls: FigureTotal;
  boys: FigureTotal;
  expectedByDamageState: number[];
}

export interface AssessedImpact {
  imt: string;
  bands: number[];
  limitStates: string[];
  affected: AffectedArrays;
  totals: ImpactTotals;
  warnings: GeoWarning[];
  computeMs: number;
}

// Footprints and CAP areas mark schools inside with an intensity (1, or the footprint's own value): every
// school inside counts, whatever the value.
const INSIDE_BANDS = [0];

/**
 * Runs the geo engine over every school and keeps the affected ones: those reaching the hazard's first band
 * (MMI V, 34 kt winds, inside a footprint). Totals, including expected schools per damage state, are summed
 * over the same affected set, so they always agree with the rows stored and with any scoped re-count.
 */
export function assessImpact(snapshot: EngineSnapshot, hazard: Hazard, seismic: boolean): AssessedImpact {
  const started = performance.now();
  const bands = hazard.kind === 'polygons' || hazard.kind === 'circles' ? INSIDE_BANDS : undefined;
  const result = computeImpact(snapshot.index, hazard, { ...(seismic ? { fragility: DEFAULT_FRAGILITY } : {}), ...(bands ? { bands } : {}) });
  const n = result.band.length;
  let count = 0;
  for (let i = 0; i < n; i++) if ((result.band[i] as number) > 0) count++;
  const positions = new Uint32Array(count);
  const intensity = new Float32Array(count);
  const band = new Uint8Array(count);
  const states = result.damage?.limitStates.length ?? 0;
  const damage = new Float32Array(count * states);
  const expected = new Array<number>(states > 0 ? states + 1 : 0).fill(0);
  const children = new FigureSum();
  const girls = new FigureSum();
  const boys = new FigureSum();
  let k = 0;
  for (let i = 0; i < n; i++) {
    if ((result.band[i] as number) === 0) continue;
    positions[k] = i;
    intensity[k] = result.intensity[i] as number;
    band[k] = result.band[i] as number;
    const enrolment = enrolmentAt(snapshot, i);
    children.add(enrolment.children);
    girls.add(enrolment.girls);
    boys.add(enrolment.boys);
    if (result.damage) {
      let above = 1;
      for (let ls = 0; ls < states; ls++) {
        const p = result.damage.exceedance[i * states + ls] as number;
        const q = Number.isNaN(p) ? 0 : p;
        damage[k * states + ls] = q;
        expected[ls] = (expected[ls] as number) + (above - q);
        above = q;
      }
      expected[states] = (expected[states] as number) + above;
    }
    k++;
  }
  return {
    imt: result.imt,
    bands: bands ?? defaultBands(result.imt),
    limitStates: result.damage?.limitStates ?? [],
    affected: { positions, intensity, band, damage },
    totals: {
      schools: count,
      children: children.result(),
      girls: girls.result(),
      boys: boys.result(),
      expectedByDamageState: expected,
    },
    warnings: result.warnings,
    computeMs: performance.now() - started,
  };
}
