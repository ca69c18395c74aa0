import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { alertRules } from '../schema.js';
import { grantedScopeWithin } from '../scope/scope-filter.js';

export type AlertRuleRow = typeof alertRules.$inferSelect;
export type NewAlertRule = typeof alertRules.$inferInsert;
export type AlertRuleChanges = Partial<
  Omit<NewAlertRule, 'id' | 'version' | 'builtIn' | 'createdBy' | 'createdAt' | 'changeSeq'>
>;

/**
 * Rules a viewer may see and edit: everyone with scope `all` sees every rule; anyone scoped sees the rules whose
 * whole (non-empty) scope lies inside theirs. A rule with an empty scope reaches every school, so only those who
 * see everything see it — as with people (`usersVisibleTo`).
 */
export function rulesVisibleTo(scope: Scope): SQL {
  return grantedScopeWithin({ areaIds: alertRules.scopeAreaIds, schoolIds: alertRules.scopeSchoolIds }, scope);
}

export async function listVisibleRules(on: Executor, viewer: Scope): Promise<AlertRuleRow[]> {
  return on
    .select()
    .from(alertRules)
    .where(and(isNull(alertRules.deletedAt), rulesVisibleTo(viewer)))
    .orderBy(desc(alertRules.builtIn), alertRules.createdAt, alertRules.id);
}

export async function findVisibleRule(on: Executor, viewer: Scope, id: string): Promise<AlertRuleRow | undefined> {
  const rows = await on
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.id, id), isNull(alertRules.deletedAt), rulesVisibleTo(viewer)))
    .limit(1);
  return rows[0];
}

/** Every enabled rule, for the evaluation job. */
export async function listEnabledRules(on: Executor): Promise<AlertRuleRow[]> {
  return on
    .select()
    .from(alertRules)
    .where(and(isNull(alertRules.deletedAt), eq(alertRules.enabled, true)))
    .orderBy(alertRules.createdAt, alertRules.id);
}

export async function insertRule(on: Executor, rule: NewAlertRule): Promise<AlertRuleRow | undefined> {
  const rows = await on.insert(alertRules).values(rule).onConflictDoNothing().returning();
  return rows[0];
}

/** Optimistic update (also the soft delete: `deletedAt`); undefined when the version is no longer `expectedVersion`. */
export async function updateRule(
  on: Executor,
  id: string,
  expectedVersion: number,
  changes: AlertRuleChanges,
): Promise<AlertRuleRow | undefined> {
  const rows = await on
    .update(alertRules)
    .set({ ...changes, version: sql`${alertRules.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(alertRules.id, id), eq(alertRules.version, expectedVersion), isNull(alertRules.deletedAt)))
    .returning();
  return rows[0];
}
