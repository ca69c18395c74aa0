import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '@safeschools/domain';
import { areas, users } from '../schema.js';

/**
 * The one place geographic scope becomes SQL. Every repository that returns areas, schools, plans, drills or
 * people filters with these; routes never filter by hand.
 */

function uuidArray(ids: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

const nothing = sql`false`;

/** Rows that carry an ancestor path (areas.path, schools.area_path, plans.area_path ...). */
export function pathVisibleTo(scope: Scope, path: AnyPgColumn | SQL): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.areaIds.length === 0) return nothing;
  return sql`(${path} && ${uuidArray(scope.areaIds)})`;
}

/** Schools: inside a scoped area, or named in the scope. */
export function schoolVisibleTo(scope: Scope, schoolId: AnyPgColumn | SQL, areaPath: AnyPgColumn | SQL): SQL {
  if (scope.kind === 'all') return sql`true`;
  const byArea = scope.areaIds.length ? sql`(${areaPath} && ${uuidArray(scope.areaIds)})` : nothing;
  const bySchool = scope.schoolIds.length ? sql`(${schoolId} = ANY(${uuidArray(scope.schoolIds)}))` : nothing;
  return sql`(${byArea} OR ${bySchool})`;
}

/** Areas: in scope themselves. Areas above a scope are not visible (a district officer does not see the state). */
export function areaVisibleTo(scope: Scope): SQL {
  return pathVisibleTo(scope, areas.path);
}

/**
 * A row that grants a scope of its own (a user's, an alert rule's), seen by someone scoped: its whole (non-empty)
 * scope lies inside the viewer's. An empty scope means every school, so only those who see everything see it.
 */
export function grantedScopeWithin(columns: { areaIds: AnyPgColumn; schoolIds: AnyPgColumn }, scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const mine = scope.areaIds.length ? uuidArray(scope.areaIds) : sql`ARRAY[]::uuid[]`;
  const mySchools = scope.schoolIds.length ? uuidArray(scope.schoolIds) : sql`ARRAY[]::uuid[]`;
  return sql`(
    (cardinality(${columns.areaIds}) + cardinality(${columns.schoolIds})) > 0
    AND NOT EXISTS (
      SELECT 1 FROM unnest(${columns.areaIds}) AS granted(id)
      WHERE NOT EXISTS (SELECT 1 FROM areas a WHERE a.id = granted.id AND a.path && ${mine})
    )
    AND NOT EXISTS (
      SELECT 1 FROM unnest(${columns.schoolIds}) AS granted(id)
      WHERE NOT (granted.id = ANY(${mySchools}))
        AND NOT EXISTS (SELECT 1 FROM schools s WHERE s.id = granted.id AND s.area_path && ${mine})
    )
  )`;
}

/**
 * People: an administrator sees everyone; anyone else sees users whose whole (non-empty) scope lies inside
 * theirs, and never administrators. Nobody learns of people working elsewhere.
 */
export function usersVisibleTo(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  return sql`(${users.role} <> 'administrator' AND ${grantedScopeWithin({ areaIds: users.scopeAreaIds, schoolIds: users.scopeSchoolIds }, scope)})`;
}
