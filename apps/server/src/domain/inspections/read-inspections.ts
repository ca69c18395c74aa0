import { assessInspection, choosePriorityList, priorityCandidate, type InspectionRecord, type PriorityCandidate } from '@safeschools/domain';
import { latestInspections, schoolInspectionRows } from '../../db/safety/inspections.repository.js';
import { findVisibleSchool } from '../../db/schools/schools.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';

export async function listSchoolInspections(ctx: Ctx, schoolId: string) {
  const actor = requirePermission(ctx, 'safety.read');
  if (!(await findVisibleSchool(ctx.tx, actor.scope, schoolId))) throw new AppError('NOT_FOUND');
  return schoolInspectionRows(ctx.tx, schoolId);
}

/**
 * Which inspected buildings to fix first within a budget (most children made safer per rupee), among the schools
 * the caller may see. Each building's latest inspection is a candidate; the domain's knapsack chooses. A school
 * without an enrolment cannot be weighed (the children it would make safer are unknown, not 0): its candidates are
 * counted apart, so the list says what it leaves out.
 */
export async function priorityList(ctx: Ctx, query: { area?: string; budget: number }) {
  const actor = requirePermission(ctx, 'safety.read');
  const rows = await latestInspections(ctx.database, ctx.tx, actor.scope, query.area);
  const byKey = new Map<string, { row: (typeof rows)[number]; candidate: PriorityCandidate; level: string; intervention: string }>();
  let withoutEnrolment = 0;
  rows.forEach((row, k) => {
    const a = assessInspection(row.record as unknown as InspectionRecord);
    if (row.children === null) {
      if (a.intervention !== 'none') withoutEnrolment++;
      return;
    }
    const c = priorityCandidate(row.school_id, Number(row.children), a);
    // Candidates are keyed per building: the knapsack sees each as its own item.
    if (c) byKey.set(`${k}`, { row, candidate: { ...c, schoolId: `${k}` }, level: a.safetyLevel, intervention: a.intervention });
  });
  const list = choosePriorityList([...byKey.values()].map((v) => v.candidate), query.budget);
  return {
    budget: query.budget,
    method: list.method,
    totalCost: list.totalCost,
    totalBenefit: Math.round(list.totalBenefit * 10) / 10,
    candidates: byKey.size + withoutEnrolment,
    candidatesWithoutEnrolment: withoutEnrolment,
    items: list.selected.map((key) => {
      const v = byKey.get(key)!;
      return {
        schoolId: v.row.school_id,
        schoolName: v.row.school_name,
        schoolCode: v.row.school_code,
        children: Number(v.row.children),
        safetyLevel: v.level,
        intervention: v.intervention,
        cost: v.candidate.cost,
        riskReduction: v.candidate.riskReduction,
      };
    }),
  };
}
