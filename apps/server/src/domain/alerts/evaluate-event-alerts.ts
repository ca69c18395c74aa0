import { matchRule, ruleAdmitsEvent, scopeCoversSchool, type AlertAudience, type Scope } from '@safeschools/domain';
import { findEvent, type EventRow } from '../../db/events/events.repository.js';
import { listEnabledRules, type AlertRuleRow } from '../../db/alerts/alert-rules.repository.js';
import { affectedSchoolsOf, type AffectedSchoolRow } from '../../db/alerts/recipients.repository.js';
import { countNoticesOfEvent, findNotice, insertNoticeSchools, toldBands, type NoticeRow } from '../../db/alerts/notices.repository.js';
import type { Config } from '../../config/config.js';
import { systemActor, type Ctx } from '../shared/context.js';
import type { EvaluateAlertsPayload } from './alert-jobs.js';
import { cancelNotice } from './cancel-notice.js';
import { createNotice } from './create-notice.js';
import { fanOutNotice, type FanOutDeps, type FanOutResult } from './fan-out-notice.js';
import { findRecipients, type NoticeSchool } from './find-recipients.js';

export interface EvaluateDeps extends FanOutDeps {
  config: FanOutDeps['config'] & Pick<Config, 'ALERT_CONTACT_LANGUAGE'>;
}

export interface EvaluationOutcome {
  notices: { contentKey: string; kind: string; schools: number; result: FanOutResult }[];
}

/** The scope a rule reaches: its areas and schools, or everywhere when it names none. */
export function ruleScope(rule: Pick<AlertRuleRow, 'scopeAreaIds' | 'scopeSchoolIds'>): Scope {
  return rule.scopeAreaIds.length + rule.scopeSchoolIds.length === 0
    ? { kind: 'all' }
    : { kind: 'limited', areaIds: rule.scopeAreaIds, schoolIds: rule.scopeSchoolIds };
}

const toSchool = (s: AffectedSchoolRow): NoticeSchool => ({
  id: s.school_id,
  name: s.name,
  districtId: s.district_id,
  band: s.band,
  intensity: s.intensity,
});

/**
 * The `alerts.evaluate` job (docs/decisions/0006-alerting.md, Flow 2): for the event as it now stands, each
 * enabled rule's matching schools inside the rule's scope are told — the first time with `alert:<rule>`, after an
 * update only the schools whose band rose above the highest told under that rule (`raise:<rule>:v<version>`); a
 * cancelled event sends `cancel` to everyone told before and no one else. Content keys are unique per event, so
 * running it again writes nothing new, and a notice left `pending` by a crash is fanned out to the end.
 */
export async function evaluateEventAlerts(
  deps: EvaluateDeps,
  payload: EvaluateAlertsPayload,
  now = new Date(),
): Promise<EvaluationOutcome> {
  const outcome: EvaluationOutcome = { notices: [] };
  const event = await findEvent(deps.database.db, payload.eventId);
  if (!event) return outcome;
  const ctx: Ctx = {
    database: deps.database,
    tx: deps.database.db,
    actor: systemActor,
    requestId: `job:alerts.evaluate:${event.id}`,
    now,
  };
  if (event.status === 'cancelled') {
    if ((await countNoticesOfEvent(deps.database, deps.database.db, event.id)) === 0) return outcome;
    const sent = await cancelNotice(deps, ctx, event);
    if (sent) outcome.notices.push(sent);
    return outcome;
  }
  const rules = await listEnabledRules(deps.database.db);
  const admitted = rules.filter((r) => ruleAdmitsEvent(ruleConditions(r), event));
  if (admitted.length === 0) return outcome;
  const affected = await affectedSchoolsOf(deps.database, deps.database.db, event.id);
  for (const rule of admitted) {
    const scope = ruleScope(rule);
    const matched = affected.filter(
      (s) => scopeCoversSchool(scope, s.school_id, s.area_path) && matchRule(ruleConditions(rule), event, s),
    );
    const first = await findNotice(deps.database.db, event.id, `alert:${rule.id}`);
    if (!first || first.state === 'pending') {
      if (matched.length === 0) continue;
      outcome.notices.push(await tell(deps, ctx, event, rule, 'alert', `alert:${rule.id}`, matched.map(toSchool), first));
      continue;
    }
    const key = `raise:${rule.id}:v${event.version}`;
    const resumed = await findNotice(deps.database.db, event.id, key);
    if (resumed?.state === 'queued') continue;
    const told = await toldBands(deps.database, deps.database.db, event.id, rule.id, resumed?.id ?? null);
    const raised = matched.filter((s) => s.band > (told.get(s.school_id) ?? 0));
    if (raised.length === 0) continue;
    outcome.notices.push(await tell(deps, ctx, event, rule, 'update', key, raised.map(toSchool), resumed));
  }
  return outcome;
}

export function ruleConditions(rule: AlertRuleRow) {
  return {
    eventKinds: rule.eventKinds,
    hazardTypes: rule.hazardTypes,
    statuses: rule.statuses,
    minSeverity: rule.minSeverity,
    minUrgency: rule.minUrgency,
    minCertainty: rule.minCertainty,
    minBand: rule.minBand,
    minIntensity: rule.minIntensity,
    match: rule.match === 'all' ? ('all' as const) : ('any' as const),
  };
}

async function tell(
  deps: EvaluateDeps,
  ctx: Ctx,
  event: EventRow,
  rule: AlertRuleRow,
  kind: 'alert' | 'update',
  contentKey: string,
  schools: NoticeSchool[],
  existing: NoticeRow | undefined,
) {
  const notice =
    existing ??
    (await createNotice(ctx, { eventId: event.id, kind, ruleId: rule.id, contentKey, createdBy: null, messages: {} }));
  await insertNoticeSchools(deps.database, deps.database.db, notice.id, schools);
  const { recipients } = await findRecipients(deps.database, deps.database.db, {
    kind,
    schools,
    audiences: rule.audiences as AlertAudience[],
    hazardType: event.hazardType,
    imt: event.imt,
    contactLanguage: deps.config.ALERT_CONTACT_LANGUAGE,
  });
  const result = await fanOutNotice(deps, { noticeId: notice.id, eventId: event.id, recipients, now: ctx.now });
  return { contentKey, kind, schools: schools.length, result };
}
