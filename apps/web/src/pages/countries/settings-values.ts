import { safetyHazards, type SafetyHazard } from '@safeschools/domain';
import type { BodyOf, ResponseOf, getCountrySettings, updateCountrySettings } from '@safeschools/contract';

export type CountrySettings = ResponseOf<typeof getCountrySettings>;
export type SettingsBody = BodyOf<typeof updateCountrySettings>;

/** What the form holds: text as typed, a blank hazard meaning "use the default interval". */
export interface SettingsValues {
  defaultMonths: string;
  hazardMonths: Record<SafetyHazard, string>;
}

/** The bounds the API accepts for a drill interval. */
const minMonths = 1;
const maxMonths = 24;

export function valuesOf(settings: CountrySettings): SettingsValues {
  const hazardMonths = Object.fromEntries(safetyHazards.map((h) => [h, settings.drillIntervalMonths[h]?.toString() ?? ''])) as Record<SafetyHazard, string>;
  return { defaultMonths: settings.defaultDrillIntervalMonths.toString(), hazardMonths };
}

function months(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= minMonths && n <= maxMonths ? n : null;
}

/** The body to save, or the fields (`default` or a hazard) that are not a whole number of months from 1 to 24. */
export function bodyOf(values: SettingsValues, version: number): { body: SettingsBody } | { invalid: string[] } {
  const invalid: string[] = [];
  const defaultMonths = months(values.defaultMonths);
  if (defaultMonths === null) invalid.push('default');
  const drillIntervalMonths: Partial<Record<SafetyHazard, number>> = {};
  for (const hazard of safetyHazards) {
    const text = values.hazardMonths[hazard];
    if (text.trim() === '') continue;
    const n = months(text);
    if (n === null) invalid.push(hazard);
    else drillIntervalMonths[hazard] = n;
  }
  if (invalid.length > 0 || defaultMonths === null) return { invalid };
  return { body: { defaultDrillIntervalMonths: defaultMonths, drillIntervalMonths, version } };
}
