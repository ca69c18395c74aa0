import { and, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { areas, schools } from '../schema.js';

export async function areaPaths(on: Executor, ids: readonly string[]): Promise<{ id: string; path: string[] }[]> {
  if (!ids.length) return [];
  return on.select({ id: areas.id, path: areas.path }).from(areas).where(and(inArray(areas.id, [...ids]), isNull(areas.deletedAt)));
}

export async function schoolPaths(on: Executor, ids: readonly string[]): Promise<{ id: string; path: string[] }[]> {
  if (!ids.length) return [];
  return on
    .select({ id: schools.id, path: schools.areaPath })
    .from(schools)
    .where(and(inArray(schools.id, [...ids]), isNull(schools.deletedAt)));
}
