import type { AlertAudience } from '@safeschools/domain';
import type { Executor, Database } from '../../../db/database.js';
import type { AlertRuleRow } from '../../../db/alerts/alert-rules.repository.js';
import { ruleReach, type ReachCounts } from '../../../db/alerts/rule-reach.repository.js';
import { describeScope, type ScopeDescription } from '../../users/describe-scope.js';
import { ruleScope } from '../evaluate-event-alerts.js';

/** The built-in rule's name as the migration wrote it: while unchanged, the web app shows it translated. */
export const BUILT_IN_RULE_NAME = 'Severe events, or band 2 and above at a school';

export interface RuleView {
  row: AlertRuleRow;
  scope: ScopeDescription;
  reach: ReachCounts & { total: number };
  warnings: { code: string; message: string }[];
}

/** A rule with its scope's names, how many people it reaches now, and RULE_REACHES_NOBODY when that is nobody. */
export async function viewRule(database: Database, on: Executor, row: AlertRuleRow): Promise<RuleView> {
  const empty = row.scopeAreaIds.length + row.scopeSchoolIds.length === 0;
  const [scope, counts] = await Promise.all([
    describeScope(on, {
      role: empty ? 'administrator' : 'viewer',
      scopeAreaIds: row.scopeAreaIds,
      scopeSchoolIds: row.scopeSchoolIds,
    }),
    ruleReach(database, on, ruleScope(row)),
  ]);
  const total = (row.audiences as AlertAudience[]).reduce((sum, a) => sum + (counts[a] ?? 0), 0);
  const warnings =
    total === 0
      ? [
          {
            code: 'RULE_REACHES_NOBODY',
            message: 'Nobody within this rule\u2019s scope belongs to its audiences today, so it would tell nobody.',
          },
        ]
      : [];
  return { row, scope, reach: { ...counts, total }, warnings };
}
