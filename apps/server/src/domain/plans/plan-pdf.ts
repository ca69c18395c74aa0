import { formatIsoDate } from '@safeschools/domain';
import { findVisiblePlan } from '../../db/plans/plans.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { planOfRow } from './plan-of-row.js';
import { renderPlanPdf } from './pdf/render-plan-pdf.js';
import { requireVisibleSchool } from './visible-school.js';

/** The plan as it stands now (draft or approved) as a PDF, named after the school's code for filing. */
export async function getPlanPdf(ctx: Ctx, planId: string, language: 'en' | 'hi' | 'ja'): Promise<{ pdf: Uint8Array; fileName: string }> {
  const actor = requirePermission(ctx, 'safety.read');
  const row = await findVisiblePlan(ctx.tx, actor.scope, planId);
  if (!row) throw new AppError('NOT_FOUND');
  const school = await requireVisibleSchool(ctx, actor.scope, row.schoolId);
  const pdf = await renderPlanPdf({ plan: planOfRow(row), schoolName: school.name, language, generatedOn: formatIsoDate(ctx.now) });
  const name = (school.code ?? school.id).replace(/[^A-Za-z0-9_-]/g, '');
  return { pdf, fileName: `school-plan-${name}-v${row.planVersion}-${language}.pdf` };
}
