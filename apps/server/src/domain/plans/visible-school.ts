import type { Scope } from '@safeschools/domain';
import { findVisibleSchool, type SchoolRow } from '../../db/schools/schools.repository.js';
import { AppError } from '../shared/app-error.js';
import type { Ctx } from '../shared/context.js';

/** The school, if the viewer may see it; out of scope and missing look the same (404), so ids cannot be probed. */
export async function requireVisibleSchool(ctx: Ctx, viewer: Scope, schoolId: string): Promise<SchoolRow> {
  const school = await findVisibleSchool(ctx.tx, viewer, schoolId);
  if (!school) throw new AppError('NOT_FOUND');
  return school;
}
