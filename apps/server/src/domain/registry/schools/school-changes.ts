import type { ExistingSchool } from '../../../db/registry/schools/school-import.repository.js';
import type { SchoolRow } from './school-row.js';

/** JSON with sorted keys, so {a,b} and {b,a} from jsonb compare equal. */
function stable(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const samePoint = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

/**
 * The fields of an existing school that a file row changes, as {field: [old, new]}. Fields the file does not
 * map are not compared, and a row without a location never erases a location the registry already has.
 */
export function schoolChanges(existing: ExistingSchool, school: SchoolRow): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [column, value] of Object.entries(school.values)) {
    const old = existing.values[column] ?? null;
    const now = value ?? null;
    // Most fields are text or numbers: compare them directly, and only serialise objects (contacts, areas).
    const differ = typeof old === 'object' || typeof now === 'object' ? stable(old) !== stable(now) : old !== now;
    if (differ) changes[column] = [old, now];
  }
  if (school.lon !== null && school.lat !== null) {
    const point: [number, number] = [school.lon, school.lat];
    if (!existing.location || !samePoint(existing.location, point)) changes.location = [existing.location, point];
  }
  return changes;
}

/** Changes that move a school on the map or change what it says about its area: those need placing again. */
export const movesSchool = (changes: Record<string, unknown>): boolean => 'location' in changes || 'declared_areas' in changes;
