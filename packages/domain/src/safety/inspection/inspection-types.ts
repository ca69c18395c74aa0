import type { IsoDate } from '../dates.js';

/** The five parts of a visual inspection in the style of UNESCO VISUS (Visual Inspection for defining Safety Upgrading Strategies). */
export const inspectionSections = ['site', 'structure', 'local_weaknesses', 'non_structural', 'functional'] as const;
export type InspectionSection = (typeof inspectionSections)[number];

/**
 * Each item is rated by the engineer: 1 adequate, 2 minor deficiency, 3 major deficiency, 4 critical (danger to
 * life). Four steps keep field ratings repeatable; "not applicable" items are simply left out.
 */
export type ItemRating = 1 | 2 | 3 | 4;

export interface InspectionItem {
  /** An id from `inspectionItemCatalogue`, or a custom id. */
  readonly id: string;
  readonly section: InspectionSection;
  readonly rating: ItemRating;
  readonly note?: string;
  /** Ids of stored image files. */
  readonly photoFileIds: readonly string[];
}

export interface InspectionRecord {
  readonly id: string;
  readonly schoolId: string;
  /** The building inspected; a school with several blocks gets one record per block. */
  readonly buildingName: string;
  readonly inspectedOn: IsoDate;
  readonly inspector: { readonly name: string; readonly qualification: string };
  readonly floorAreaM2: number;
  readonly storeys: number;
  readonly items: readonly InspectionItem[];
  readonly photoFileIds: readonly string[];
}

/** Standard items per section, so that inspections across a district are comparable. */
export const inspectionItemCatalogue: Readonly<Record<InspectionSection, readonly string[]>> = {
  site: ['slope_stability', 'liquefaction_soft_soil', 'flood_exposure', 'adjacent_hazards'],
  structure: ['structural_system', 'material_quality', 'foundation', 'roof_and_floors', 'plan_irregularity', 'vertical_irregularity'],
  local_weaknesses: ['short_columns', 'soft_storey', 'pounding', 'large_wall_openings', 'gable_walls', 'visible_damage'],
  non_structural: ['parapets_chimneys', 'water_tanks', 'heavy_furniture', 'glazing', 'ceilings_fans', 'electrical'],
  functional: ['exits_and_stairs', 'evacuation_space', 'accessibility', 'fire_safety', 'water_sanitation'],
};
