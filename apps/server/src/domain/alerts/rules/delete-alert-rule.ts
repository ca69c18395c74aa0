import { findVisibleRule, updateRule } from '../../../db/alerts/alert-rules.repository.js';
import { AppError } from '../../shared/app-error.js';
import { audit, type AuditTrail } from '../../shared/audit.js';
import { requirePermission, type Ctx } from '../../shared/context.js';

/** Soft delete: the notices a rule sent keep naming it. The built-in rule can be removed like any other. */
export async function deleteAlertRule(ctx: Ctx & { trail?: AuditTrail }, id: string, version: number): Promise<void> {
  const actor = requirePermission(ctx, 'alerts.manage');
  const rule = await findVisibleRule(ctx.tx, actor.scope, id);
  if (!rule) throw new AppError('NOT_FOUND');
  if (rule.version !== version)
    throw new AppError('VERSION_CONFLICT', `This rule was changed meanwhile (version ${rule.version}).`);
  const deleted = await updateRule(ctx.tx, id, version, { deletedAt: ctx.now, enabled: false });
  if (!deleted) throw new AppError('VERSION_CONFLICT', 'This rule was changed meanwhile.');
  await audit(ctx, {
    action: 'alert_rule.delete',
    entity: 'alert_rule',
    entityId: id,
    beforeVersion: rule.version,
    afterVersion: deleted.version,
  });
}
