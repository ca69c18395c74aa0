import { safetyHazards, type SafetyHazard } from '@safeschools/domain';

/** Without a plan naming hazards, every school drills for earthquake and fire (programme default). */
export const defaultDrillHazards: readonly SafetyHazard[] = ['earthquake', 'fire'];

const isHazard = (value: unknown): value is SafetyHazard => typeof value === 'string' && (safetyHazards as readonly string[]).includes(value);

function hazardsIn(list: unknown): SafetyHazard[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const hazard = item && typeof item === 'object' ? (item as { hazard?: unknown }).hazard : undefined;
    return isHazard(hazard) ? [hazard] : [];
  });
}

/**
 * The hazards a school drills for, from its plan: the drill schedule, the procedures and the hazards found
 * outside the campus or in past incidents. The self-assessment's hazard answers are not used: their questions
 * are data of an instrument version, not a stable list to read hazards from.
 */
export function schoolDrillHazards(plan: { drillSchedule: unknown; sops: unknown; hazardAssessment: unknown } | null): {
  hazards: SafetyHazard[];
  from: 'plan' | 'default';
} {
  const assessment = plan?.hazardAssessment && typeof plan.hazardAssessment === 'object' ? (plan.hazardAssessment as Record<string, unknown>) : {};
  const found = new Set([
    ...hazardsIn(plan?.drillSchedule),
    ...hazardsIn(plan?.sops),
    ...hazardsIn(assessment.outsideCampus),
    ...hazardsIn(assessment.pastIncidents),
  ]);
  if (found.size === 0) return { hazards: [...defaultDrillHazards], from: 'default' };
  return { hazards: safetyHazards.filter((h) => found.has(h)), from: 'plan' };
}
