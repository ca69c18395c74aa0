import type { AssessmentReport } from './score-assessment.js';

export const hazardLevels = ['low', 'moderate', 'high', 'very_high'] as const;
export type HazardLevel = (typeof hazardLevels)[number];

/** Seismic zones of IS 1893 (Part 1): II lowest to V highest. */
export type SeismicZone = 'II' | 'III' | 'IV' | 'V';

/** Where the school stands, from the hazard layers (not from the questionnaire). */
export interface TriageContext {
  readonly seismicZone?: SeismicZone;
  readonly cyclone?: HazardLevel;
  readonly flood?: HazardLevel;
  readonly landslide?: HazardLevel;
}

export interface TriageThresholds {
  /** Pillar 1 scores below this are weak. */
  readonly weakPillar1Below: number;
  /** Below this Pillar 1 coverage nothing is known about the buildings. */
  readonly unassessedPillar1CoverageBelow: number;
}

/**
 * Programme defaults. NDMA 2016 gives priority to structural safety audits in seismic zones IV and V and in areas
 * of high cyclone and flood hazard; the Pillar 1 thresholds are SafeSchools' own.
 */
export const defaultTriageThresholds: TriageThresholds = { weakPillar1Below: 50, unassessedPillar1CoverageBelow: 0.5 };

export type TriageReasonCode =
  | 'STRUCTURAL_RED_FLAG'
  | 'SEISMIC_ZONE_HIGH'
  | 'CYCLONE_HAZARD_HIGH'
  | 'FLOOD_HAZARD_HIGH'
  | 'LANDSLIDE_HAZARD_HIGH'
  | 'PILLAR1_WEAK'
  | 'PILLAR1_UNASSESSED';

export interface TriageReason {
  readonly code: TriageReasonCode;
  /** The red flag code, the zone or level, or the score that triggered the reason. */
  readonly detail: string;
}

export interface TriageResult {
  readonly flagged: boolean;
  /** For ordering the district's list: urgent = a red flag in a high-hazard place. */
  readonly priority: 'urgent' | 'high' | 'normal' | null;
  readonly reasons: readonly TriageReason[];
}

const isHigh = (level: HazardLevel | undefined): level is HazardLevel => level === 'high' || level === 'very_high';

/** Whether a school should get a technical (engineering) inspection, and why, as stable codes. */
export function triageForInspection(
  report: AssessmentReport,
  context: TriageContext,
  thresholds: TriageThresholds = defaultTriageThresholds,
): TriageResult {
  const structural: TriageReason[] = report.redFlags.map((code) => ({ code: 'STRUCTURAL_RED_FLAG', detail: code }));
  const hazard: TriageReason[] = [];
  if (context.seismicZone === 'IV' || context.seismicZone === 'V')
    hazard.push({ code: 'SEISMIC_ZONE_HIGH', detail: context.seismicZone });
  if (isHigh(context.cyclone)) hazard.push({ code: 'CYCLONE_HAZARD_HIGH', detail: context.cyclone });
  if (isHigh(context.flood)) hazard.push({ code: 'FLOOD_HAZARD_HIGH', detail: context.flood });
  if (isHigh(context.landslide)) hazard.push({ code: 'LANDSLIDE_HAZARD_HIGH', detail: context.landslide });
  const pillar1 = report.pillars.pillar1;
  const weakness: TriageReason[] = [];
  if (pillar1.score === null || pillar1.coverage < thresholds.unassessedPillar1CoverageBelow)
    weakness.push({ code: 'PILLAR1_UNASSESSED', detail: String(pillar1.coverage) });
  else if (pillar1.score < thresholds.weakPillar1Below) weakness.push({ code: 'PILLAR1_WEAK', detail: String(pillar1.score) });

  const reasons = [...structural, ...hazard, ...weakness];
  if (reasons.length === 0) return { flagged: false, priority: null, reasons };
  const priority =
    structural.length > 0 && hazard.length > 0
      ? 'urgent'
      : structural.length > 0 || (hazard.length > 0 && weakness.length > 0)
        ? 'high'
        : 'normal';
  return { flagged: true, priority, reasons };
}
