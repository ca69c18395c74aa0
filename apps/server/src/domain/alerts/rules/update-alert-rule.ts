import { findVisibleRule, updateRule, type AlertRuleChanges } from '../../../db/alerts/alert-rules.repository.js';
import { AppError } from '../../shared/app-error.js';
import { audit, type AuditTrail } from '../../shared/audit.js';
import { requirePermission, type Ctx } from '../../shared/context.js';
import { checkRuleScope } from './check-rule-scope.js';
import type { RuleInput } from './rule-input.js';
import { viewRule, type RuleView } from './rule-view.js';

export type RuleChanges = Partial<RuleInput> & {
  version: number;
  scope?: { areaIds: string[]; schoolIds: string[] } | undefined;
};

/** Changes a rule the caller may see (out of scope looks missing); a stale version is a 409. */
export async function updateAlertRule(ctx: Ctx & { trail?: AuditTrail }, id: string, input: RuleChanges): Promise<RuleView> {
  const actor = requirePermission(ctx, 'alerts.manage');
  const rule = await findVisibleRule(ctx.tx, actor.scope, id);
  if (!rule) throw new AppError('NOT_FOUND');
  if (rule.version !== input.version)
    throw new AppError('VERSION_CONFLICT', `This rule was changed meanwhile (version ${rule.version}).`);
  if (input.scope) await checkRuleScope(ctx, actor, input.scope);
  const { version, scope, ...fields } = input;
  const changes: AlertRuleChanges = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (scope) {
    changes.scopeAreaIds = scope.areaIds;
    changes.scopeSchoolIds = scope.schoolIds;
  }
  const updated = await updateRule(ctx.tx, id, version, changes);
  if (!updated) throw new AppError('VERSION_CONFLICT', 'This rule was changed meanwhile.');
  await audit(ctx, {
    action: 'alert_rule.update',
    entity: 'alert_rule',
    entityId: id,
    beforeVersion: rule.version,
    afterVersion: updated.version,
    details: { fields: Object.keys(input).filter((k) => k !== 'version') },
  });
  return viewRule(ctx.database, ctx.tx, updated);
}
