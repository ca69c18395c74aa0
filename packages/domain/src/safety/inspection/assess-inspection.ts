import { defaultInterventionCosts, type CostClass, type Intervention, type InterventionCostParameters } from './intervention-costs.js';
import { inspectionSections, type InspectionRecord, type InspectionSection, type ItemRating } from './inspection-types.js';

/** S1 green (adequate) to S4 red (unsafe: danger to life in the expected hazard). */
export type SafetyLevel = 'S1' | 'S2' | 'S3' | 'S4';
export const safetyLevelColours: Readonly<Record<SafetyLevel, 'green' | 'yellow' | 'orange' | 'red'>> = {
  S1: 'green',
  S2: 'yellow',
  S3: 'orange',
  S4: 'red',
};

export interface InspectionAssessment {
  readonly safetyLevel: SafetyLevel;
  readonly colour: 'green' | 'yellow' | 'orange' | 'red';
  readonly intervention: Intervention;
  readonly costClass: CostClass;
  readonly indicativeCost: { readonly min: number; readonly max: number; readonly currency: string; readonly source: string };
  /** The worst rating per section; null when the section has no rated item. */
  readonly worstBySection: Readonly<Record<InspectionSection, ItemRating | null>>;
}

/** Major structural deficiencies from this count on make a building unsafe even with none critical. */
export const majorDeficienciesForUnsafe = 3;

/**
 * Safety level and intervention from the item ratings. Rules (SafeSchools' reading of the VISUS approach):
 * S4 when a site, structure or local-weakness item is critical, or three or more of them are major; S3 when one
 * is major; S2 when one is minor or a non-structural/functional item is major or critical; S1 otherwise.
 * A critical structure or site calls for replacement; other structural S4/S3 for retrofit, unless only local
 * weaknesses are major (repair); S2 for repair when the structure is involved, else non-structural fixes.
 */
export function assessInspection(
  record: InspectionRecord,
  costs: InterventionCostParameters = defaultInterventionCosts,
): InspectionAssessment {
  const worst = Object.fromEntries(inspectionSections.map((s) => [s, worstRating(record, s)])) as Record<
    InspectionSection,
    ItemRating | null
  >;
  const structural = record.items.filter((i) => i.section === 'site' || i.section === 'structure' || i.section === 'local_weaknesses');
  const worstStructural = Math.max(0, ...structural.map((i) => i.rating));
  const majors = structural.filter((i) => i.rating >= 3).length;
  const worstOther = Math.max(0, worst.non_structural ?? 0, worst.functional ?? 0);
  const coreCritical = (worst.structure ?? 0) === 4 || (worst.site ?? 0) === 4;
  const onlyLocal = (worst.structure ?? 0) <= 2 && (worst.site ?? 0) <= 2;

  let level: SafetyLevel;
  let intervention: Intervention;
  if (worstStructural === 4 || majors >= majorDeficienciesForUnsafe) {
    level = 'S4';
    intervention = coreCritical ? 'replace' : 'retrofit';
  } else if (worstStructural === 3) {
    level = 'S3';
    intervention = onlyLocal ? 'repair' : 'retrofit';
  } else if (worstStructural === 2 || worstOther >= 3) {
    level = 'S2';
    intervention = worstStructural === 2 ? 'repair' : 'non_structural';
  } else {
    level = 'S1';
    intervention = worstOther === 2 ? 'non_structural' : 'none';
  }
  const cost = costs.costs[intervention];
  return {
    safetyLevel: level,
    colour: safetyLevelColours[level],
    intervention,
    costClass: cost.costClass,
    indicativeCost: {
      min: Math.round(cost.minPerM2 * record.floorAreaM2),
      max: Math.round(cost.maxPerM2 * record.floorAreaM2),
      currency: costs.currency,
      source: costs.source,
    },
    worstBySection: worst,
  };
}

function worstRating(record: InspectionRecord, section: InspectionSection): ItemRating | null {
  const ratings = record.items.filter((i) => i.section === section).map((i) => i.rating);
  return ratings.length === 0 ? null : (Math.max(...ratings) as ItemRating);
}

/**
 * Share of the life-safety risk an intervention removes, for the priority list. Programme defaults: a building
 * replaced or retrofitted to code is taken as bringing the risk down by most of the way, fixes by less.
 */
export const defaultRiskReduction: Readonly<Record<Intervention, number>> = {
  none: 0,
  non_structural: 0.2,
  repair: 0.5,
  retrofit: 0.8,
  replace: 0.95,
};
