/**
 * Whether an alert rule tells the people of one affected school about an event. Pure, so the evaluation job,
 * the rule editor's preview and the tests share one reading. See docs/decisions/0006-alerting.md.
 */

/** CAP 1.2 value orders, weakest first. */
export const capSeverities = ['Minor', 'Moderate', 'Severe', 'Extreme'] as const;
export const capUrgencies = ['Past', 'Future', 'Expected', 'Immediate'] as const;
export const capCertainties = ['Unlikely', 'Possible', 'Likely', 'Observed'] as const;
export type CapSeverity = (typeof capSeverities)[number];
export type CapUrgency = (typeof capUrgencies)[number];
export type CapCertainty = (typeof capCertainties)[number];

export const alertAudiences = ['focal_points', 'head_teachers', 'district_officers', 'programme_staff'] as const;
export type AlertAudience = (typeof alertAudiences)[number];

/** Event kinds a rule can name (as hazard_events.kind; `estimate`: a feed's early earthquake event). */
export const alertEventKinds = ['cap', 'shakemap', 'cyclone', 'footprint', 'estimate', 'scenario'] as const;
/** Event statuses a rule can name; `actual` by default, exercises only when listed. */
export const alertEventStatuses = ['actual', 'exercise', 'test', 'scenario'] as const;

export interface RuleConditions {
  /** Empty: any. */
  readonly eventKinds: readonly string[];
  /** Empty: any. Matched case-insensitively as a word of the event's hazard type ("cyclone" in "Tropical Cyclone"). */
  readonly hazardTypes: readonly string[];
  /** Empty: none (a rule with no status tells nobody); `actual` by default. */
  readonly statuses: readonly string[];
  readonly minSeverity: string | null;
  readonly minUrgency: string | null;
  readonly minCertainty: string | null;
  readonly minBand: number | null;
  readonly minIntensity: number | null;
  readonly match: 'any' | 'all';
}

export interface EventFacts {
  readonly kind: string;
  readonly status: string;
  readonly hazardType: string | null;
  readonly severity: string | null;
  readonly urgency: string | null;
  readonly certainty: string | null;
}

export interface SchoolReach {
  readonly band: number;
  readonly intensity: number;
}

/** Position of `value` in `order` (weakest 0), or -1 when absent or unknown ("Unknown" reaches no threshold). */
export function capRank(order: readonly string[], value: string | null | undefined): number {
  if (!value) return -1;
  const wanted = value.trim().toLowerCase();
  return order.findIndex((v) => v.toLowerCase() === wanted);
}

function atLeast(order: readonly string[], value: string | null, min: string | null): boolean {
  if (min === null) return true;
  const need = capRank(order, min);
  return need >= 0 && capRank(order, value) >= need;
}

/** A rule's hazard word is found in the event's hazard type (case and punctuation aside). */
export function hazardTypeMatches(ruleTypes: readonly string[], eventType: string | null): boolean {
  if (ruleTypes.length === 0) return true;
  if (!eventType) return false;
  const words = ` ${eventType.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return ruleTypes.some((t) => {
    const w = t
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ');
    return w !== '' && words.includes(` ${w} `);
  });
}

/** The event-wide gates: kind, hazard type and status. Without them no school of the event matches. */
export function ruleAdmitsEvent(rule: RuleConditions, event: EventFacts): boolean {
  if (rule.eventKinds.length > 0 && !rule.eventKinds.includes(event.kind)) return false;
  if (!rule.statuses.includes(event.status)) return false;
  return hazardTypeMatches(rule.hazardTypes, event.hazardType);
}

/** The CAP condition: null when the rule sets no CAP threshold, else whether every one set is reached. */
export function capConditionMet(rule: RuleConditions, event: EventFacts): boolean | null {
  if (rule.minSeverity === null && rule.minUrgency === null && rule.minCertainty === null) return null;
  return (
    atLeast(capSeverities, event.severity, rule.minSeverity) &&
    atLeast(capUrgencies, event.urgency, rule.minUrgency) &&
    atLeast(capCertainties, event.certainty, rule.minCertainty)
  );
}

/** The school condition: null when the rule sets neither a band nor an intensity, else whether each set is reached. */
export function reachConditionMet(rule: RuleConditions, school: SchoolReach): boolean | null {
  if (rule.minBand === null && rule.minIntensity === null) return null;
  return (
    (rule.minBand === null || school.band >= rule.minBand) &&
    (rule.minIntensity === null || school.intensity >= rule.minIntensity)
  );
}

/**
 * Whether `rule` tells the people of a school the event reaches with `school`'s band and intensity. The gates must
 * pass; then with `match: 'any'` either condition set is enough, with `all` every condition set must hold. A rule
 * with no condition at all matches every affected school the gates admit.
 */
export function matchRule(rule: RuleConditions, event: EventFacts, school: SchoolReach): boolean {
  if (!ruleAdmitsEvent(rule, event)) return false;
  const cap = capConditionMet(rule, event);
  const reach = reachConditionMet(rule, school);
  if (cap === null && reach === null) return true;
  if (cap === null) return reach === true;
  if (reach === null) return cap;
  return rule.match === 'all' ? cap && reach : cap || reach;
}
