import { AppError } from '../../shared/app-error.js';
import type { Actor, Ctx } from '../../shared/context.js';
import { checkGrantedScope } from '../../users/check-granted-scope.js';

/**
 * A rule's scope must exist and lie within its author's; an empty scope means every school, which only someone
 * who sees everything may give.
 */
export async function checkRuleScope(ctx: Ctx, actor: Actor, scope: { areaIds: string[]; schoolIds: string[] }): Promise<void> {
  if (scope.areaIds.length + scope.schoolIds.length === 0) {
    if (actor.scope.kind !== 'all')
      throw new AppError('SCOPE_INVALID', 'Name the areas or schools, within your own scope, this rule is for.');
    return;
  }
  await checkGrantedScope(ctx, actor, scope);
}
