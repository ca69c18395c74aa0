import type { AlertRuleWithReach, EventNotice } from '@safeschools/contract';
import type { z } from 'zod';
import type { NoticeListRow } from '../../db/alerts/notices.repository.js';
import { BUILT_IN_RULE_NAME, type RuleView } from '../../domain/alerts/rules/rule-view.js';

type RuleWire = z.output<typeof AlertRuleWithReach>;
type NoticeWire = z.output<typeof EventNotice>;

/** Allow-list of a rule's fields, with its reach and warnings. */
export function presentAlertRule(view: RuleView): RuleWire {
  const r = view.row;
  return {
    rule: {
      id: r.id,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      deletedAt: r.deletedAt?.toISOString() ?? null,
      name: r.name,
      enabled: r.enabled,
      eventKinds: r.eventKinds as RuleWire['rule']['eventKinds'],
      hazardTypes: r.hazardTypes,
      statuses: r.statuses as RuleWire['rule']['statuses'],
      minSeverity: r.minSeverity as RuleWire['rule']['minSeverity'],
      minUrgency: r.minUrgency as RuleWire['rule']['minUrgency'],
      minCertainty: r.minCertainty as RuleWire['rule']['minCertainty'],
      minBand: r.minBand,
      minIntensity: r.minIntensity,
      match: r.match as RuleWire['rule']['match'],
      audiences: r.audiences as RuleWire['rule']['audiences'],
      scope: view.scope,
      builtIn: r.builtIn,
      nameUnchanged: r.builtIn && r.name === BUILT_IN_RULE_NAME,
    },
    reach: view.reach,
    warnings: view.warnings,
  };
}

export function presentNotice(row: NoticeListRow): NoticeWire {
  return {
    id: row.id,
    kind: row.kind as NoticeWire['kind'],
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    ruleBuiltIn: row.rule_built_in === true,
    state: row.state as NoticeWire['state'],
    recipients: Number(row.recipients),
    schools: Number(row.schools ?? 0),
    counts: Object.fromEntries(Object.entries(row.by_state ?? {}).map(([k, v]) => [k, Number(v)])),
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
