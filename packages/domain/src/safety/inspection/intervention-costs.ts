export const interventions = ['none', 'non_structural', 'repair', 'retrofit', 'replace'] as const;
export type Intervention = (typeof interventions)[number];

export type CostClass = 'none' | 'low' | 'medium' | 'high' | 'very_high';

export interface InterventionCost {
  readonly costClass: CostClass;
  /** Indicative cost per m² of floor area, in `currency`. */
  readonly minPerM2: number;
  readonly maxPerM2: number;
}

export interface InterventionCostParameters {
  readonly currency: string;
  /** Where the figures come from, shown next to every estimate. */
  readonly source: string;
  readonly costs: Readonly<Record<Intervention, InterventionCost>>;
}

/**
 * PROGRAMME DEFAULTS, not published rates: round figures in Indian rupees (2024) for a first ranking only, to be
 * replaced by the state PWD Schedule of Rates or an engineer's estimate. They keep the ordering the literature
 * agrees on (non-structural fixes ≪ repair < retrofit ≪ replacement).
 */
export const defaultInterventionCosts: InterventionCostParameters = {
  currency: 'INR',
  source: 'SafeSchools programme defaults (2024), indicative only; replace with the state Schedule of Rates',
  costs: {
    none: { costClass: 'none', minPerM2: 0, maxPerM2: 0 },
    non_structural: { costClass: 'low', minPerM2: 200, maxPerM2: 800 },
    repair: { costClass: 'medium', minPerM2: 1_000, maxPerM2: 3_000 },
    retrofit: { costClass: 'high', minPerM2: 3_000, maxPerM2: 8_000 },
    replace: { costClass: 'very_high', minPerM2: 18_000, maxPerM2: 30_000 },
  },
};
