import type { TFunction } from 'i18next';
import type { AlertRuleWithReach } from '@safeschools/contract';
import type { z } from 'zod';

export type RuleWithReach = z.output<typeof AlertRuleWithReach>;
export type Rule = RuleWithReach['rule'];
export const audiences = ['focal_points', 'head_teachers', 'district_officers', 'programme_staff'] as const;
export const statuses = ['actual', 'exercise', 'test'] as const;
export const severities = ['Minor', 'Moderate', 'Severe', 'Extreme'] as const;

/** The built-in rule's name is shown in the reader's language until someone renames it. */
export function ruleName(t: TFunction, rule: Pick<Rule, 'builtIn' | 'nameUnchanged' | 'name'>): string {
  return rule.builtIn && rule.nameUnchanged ? t('alertRules.builtInName') : rule.name;
}

/** One line saying when a rule tells people: its statuses, CAP severity and band, and how they combine. */
export function ruleConditions(t: TFunction, rule: Rule): string {
  const parts: string[] = [];
  if (rule.minSeverity) parts.push(t('alertRules.when.severity', { value: t(`alertRules.severity.${rule.minSeverity}`) }));
  if (rule.minBand !== null) parts.push(t('alertRules.when.band', { value: rule.minBand }));
  if (rule.minIntensity !== null) parts.push(t('alertRules.when.intensity', { value: rule.minIntensity }));
  const joined =
    parts.length === 0
      ? t('alertRules.when.anyAffected')
      : parts.join(rule.match === 'all' ? t('alertRules.when.and') : t('alertRules.when.or'));
  const status = rule.statuses.map((s) => t(`alertRules.status.${s}`)).join(', ');
  const hazards = rule.hazardTypes.length ? ` · ${rule.hazardTypes.join(', ')}` : '';
  return `${status}${hazards}: ${joined}`;
}
