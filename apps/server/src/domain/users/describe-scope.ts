import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { areas, schools } from '../../db/schema.js';
import type { UserRow } from '../../db/users/users.repository.js';

export interface ScopeDescription {
  all: boolean;
  areas: { id: string; name: string; level: string }[];
  schools: { id: string; name: string }[];
}

/** Names of the areas and schools a user is scoped to, for showing; ids that no longer exist are skipped. */
export async function describeScope(on: Executor, user: Pick<UserRow, 'role' | 'scopeAreaIds' | 'scopeSchoolIds'>): Promise<ScopeDescription> {
  const areaRows = user.scopeAreaIds.length
    ? await on.select({ id: areas.id, name: areas.name, level: areas.level }).from(areas).where(inArray(areas.id, user.scopeAreaIds))
    : [];
  const schoolRows = user.scopeSchoolIds.length
    ? await on.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, user.scopeSchoolIds))
    : [];
  return { all: user.role === 'administrator', areas: areaRows, schools: schoolRows };
}
