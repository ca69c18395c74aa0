import { defaultRiskReduction, type InspectionAssessment } from './assess-inspection.js';
import type { Intervention } from './intervention-costs.js';
import type { PriorityCandidate } from './priority-list.js';

/**
 * A priority-list candidate from a school's inspection: the midpoint of the indicative cost, and the share of
 * risk the recommended intervention removes. Schools needing nothing are left out (null).
 */
export function priorityCandidate(
  schoolId: string,
  children: number,
  assessment: InspectionAssessment,
  riskReduction: Readonly<Record<Intervention, number>> = defaultRiskReduction,
): PriorityCandidate | null {
  if (assessment.intervention === 'none') return null;
  return {
    schoolId,
    children,
    riskReduction: riskReduction[assessment.intervention],
    cost: Math.round((assessment.indicativeCost.min + assessment.indicativeCost.max) / 2),
  };
}
