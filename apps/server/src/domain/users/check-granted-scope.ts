import { scopeWithin } from '@safeschools/domain';
import { areaPaths, schoolPaths } from '../../db/areas/area-paths.repository.js';
import { AppError, type FieldError } from '../shared/app-error.js';
import type { Actor, Ctx } from '../shared/context.js';

/** The areas and schools granted must exist and lie within the granter's own scope. */
export async function checkGrantedScope(ctx: Ctx, actor: Actor, scope: { areaIds: string[]; schoolIds: string[] }): Promise<void> {
  const [areas, schools] = await Promise.all([areaPaths(ctx.tx, scope.areaIds), schoolPaths(ctx.tx, scope.schoolIds)]);
  const errors: FieldError[] = [];
  for (const id of scope.areaIds) if (!areas.some((a) => a.id === id)) errors.push({ path: 'scope.areaIds', message: `unknown area ${id}` });
  for (const id of scope.schoolIds) if (!schools.some((s) => s.id === id)) errors.push({ path: 'scope.schoolIds', message: `unknown school ${id}` });
  if (errors.length) throw new AppError('SCOPE_INVALID', 'The scope names areas or schools that do not exist.', errors);
  if (!scopeWithin({ areas, schools }, actor.scope)) {
    throw new AppError('SCOPE_INVALID', 'You can only grant areas and schools within your own scope.');
  }
}
