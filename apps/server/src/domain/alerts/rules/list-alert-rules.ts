import { listVisibleRules } from '../../../db/alerts/alert-rules.repository.js';
import { requirePermission, type Ctx } from '../../shared/context.js';
import { viewRule, type RuleView } from './rule-view.js';

/** The rules within the caller's scope (all of them for those who see everything), each with its reach now. */
export async function listAlertRules(ctx: Ctx): Promise<RuleView[]> {
  const actor = requirePermission(ctx, 'alerts.manage');
  const rows = await listVisibleRules(ctx.tx, actor.scope);
  const out: RuleView[] = [];
  for (const row of rows) out.push(await viewRule(ctx.database, ctx.tx, row));
  return out;
}
