import type { Role } from './roles.js';

/**
 * Where a user may act. `all` is only ever given to administrators; everyone else sees the union of their
 * areas (with everything below them) and their schools. An empty scope sees nothing.
 */
export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'limited'; readonly areaIds: readonly string[]; readonly schoolIds: readonly string[] };

export const everywhere: Scope = { kind: 'all' };

export function scopeFor(role: Role, areaIds: readonly string[], schoolIds: readonly string[]): Scope {
  if (role === 'administrator') return everywhere;
  return { kind: 'limited', areaIds: [...new Set(areaIds)], schoolIds: [...new Set(schoolIds)] };
}

/**
 * An area is visible when the scope holds it or any of its ancestors. `areaPath` lists the area's ancestors
 * from the top down, ending with the area itself.
 */
export function scopeCoversArea(scope: Scope, areaPath: readonly string[]): boolean {
  if (scope.kind === 'all') return true;
  return areaPath.some((id) => scope.areaIds.includes(id));
}

/** A school is visible when the scope names it or covers one of the areas it lies in. */
export function scopeCoversSchool(scope: Scope, schoolId: string, areaPath: readonly string[]): boolean {
  if (scope.kind === 'all') return true;
  return scope.schoolIds.includes(schoolId) || scopeCoversArea(scope, areaPath);
}

/**
 * A scope given to someone else must lie within the giver's own, or a manager could be used to widen access.
 * `areaPaths` and `schoolPaths` give each granted area's / school's ancestor path (top down, area included).
 */
export function scopeWithin(
  granted: { areas: readonly { path: readonly string[] }[]; schools: readonly { id: string; path: readonly string[] }[] },
  giver: Scope,
): boolean {
  return (
    granted.areas.every((a) => scopeCoversArea(giver, a.path)) &&
    granted.schools.every((s) => scopeCoversSchool(giver, s.id, s.path))
  );
}
