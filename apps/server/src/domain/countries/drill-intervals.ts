import { defaultDrillIntervalMonths, type DrillScheduleConfig, type SafetyHazard } from '@safeschools/domain';
import { findSettingsOfCountries, type CountrySettingsRow } from '../../db/countries/country-settings.repository.js';
import type { Ctx } from '../shared/context.js';

export interface DrillIntervals {
  readonly defaultIntervalMonths: number;
  readonly intervalMonthsByHazard: Partial<Record<SafetyHazard, number>>;
}

/** What a country uses until its team changes something. */
export const programmeDrillIntervals: DrillIntervals = { defaultIntervalMonths: defaultDrillIntervalMonths, intervalMonthsByHazard: {} };

export function drillIntervalsOf(row: CountrySettingsRow | undefined): DrillIntervals {
  if (!row) return programmeDrillIntervals;
  return { defaultIntervalMonths: row.defaultDrillIntervalMonths, intervalMonthsByHazard: row.drillIntervalMonths };
}

export function scheduleWith(hazards: readonly SafetyHazard[], intervals: DrillIntervals): DrillScheduleConfig {
  return { hazards, defaultIntervalMonths: intervals.defaultIntervalMonths, intervalMonthsByHazard: intervals.intervalMonthsByHazard };
}

/** The interval a hazard is drilled on in a country. */
export function intervalFor(intervals: DrillIntervals, hazard: SafetyHazard): number {
  return intervals.intervalMonthsByHazard[hazard] ?? intervals.defaultIntervalMonths;
}

/**
 * The drill intervals of each school's country, read once for a list of schools. A school without a country
 * code uses the programme defaults.
 */
export async function drillIntervalsByCountry(ctx: Ctx, countryCodes: readonly (string | null)[]): Promise<(countryCode: string | null) => DrillIntervals> {
  const codes = [...new Set(countryCodes.filter((c): c is string => c !== null))];
  const rows = new Map((await findSettingsOfCountries(ctx.tx, codes)).map((r) => [r.countryCode, r]));
  return (countryCode) => (countryCode === null ? programmeDrillIntervals : drillIntervalsOf(rows.get(countryCode)));
}
