import { uuidv7 } from 'uuidv7';
import { findVisibleRule, insertRule } from '../../../db/alerts/alert-rules.repository.js';
import { AppError } from '../../shared/app-error.js';
import { audit, type AuditTrail } from '../../shared/audit.js';
import { requirePermission, type Ctx } from '../../shared/context.js';
import { checkRuleScope } from './check-rule-scope.js';
import type { RuleInput } from './rule-input.js';
import { viewRule, type RuleView } from './rule-view.js';

export async function createAlertRule(
  ctx: Ctx & { trail?: AuditTrail },
  input: RuleInput & { id?: string | undefined; scope: { areaIds: string[]; schoolIds: string[] } },
): Promise<RuleView> {
  const actor = requirePermission(ctx, 'alerts.manage');
  await checkRuleScope(ctx, actor, input.scope);
  const id = input.id ?? uuidv7();
  const row = await insertRule(ctx.tx, {
    id,
    name: input.name,
    enabled: input.enabled,
    eventKinds: input.eventKinds,
    hazardTypes: input.hazardTypes,
    statuses: input.statuses,
    minSeverity: input.minSeverity,
    minUrgency: input.minUrgency,
    minCertainty: input.minCertainty,
    minBand: input.minBand,
    minIntensity: input.minIntensity,
    match: input.match,
    audiences: input.audiences,
    scopeAreaIds: input.scope.areaIds,
    scopeSchoolIds: input.scope.schoolIds,
    createdBy: actor.via === 'system' ? null : actor.userId,
  });
  if (!row) {
    // The same client-made id again: the rule exists (a retried creation), if the caller may see it.
    const existing = await findVisibleRule(ctx.tx, actor.scope, id);
    if (!existing) throw new AppError('VERSION_CONFLICT', 'A rule with this id exists already.');
    await audit(ctx, { action: 'alert_rule.create_repeated', entity: 'alert_rule', entityId: id });
    return viewRule(ctx.database, ctx.tx, existing);
  }
  await audit(ctx, {
    action: 'alert_rule.create',
    entity: 'alert_rule',
    entityId: id,
    afterVersion: row.version,
    details: { audiences: input.audiences, enabled: input.enabled },
  });
  return viewRule(ctx.database, ctx.tx, row);
}
