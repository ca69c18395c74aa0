import type { School } from './types';

/**
 * Whether a search answered with similar names only: the server offers those just when no school it may show has
 * the text in its name or a code starting with it, so one school that does means these are exact matches.
 */
export function onlySimilarNames(schools: readonly School[], q: string): boolean {
  const text = q.trim().toLowerCase();
  if (!text || schools.length === 0) return false;
  return !schools.some((s) => s.name.toLowerCase().includes(text) || (s.code ?? '').startsWith(q.trim()));
}
