import { findCountrySettings, type CountrySettingsRow } from '../../db/countries/country-settings.repository.js';
import { requireActor, type Ctx } from '../shared/context.js';
import { programmeDrillIntervals } from './drill-intervals.js';

/** A country's settings as stored, or the programme defaults (version 0) while it has none. */
export type CountrySettingsView = Omit<CountrySettingsRow, 'updatedAt'> & { updatedAt: Date | null };

export function defaultCountrySettings(countryCode: string): CountrySettingsView {
  return {
    countryCode,
    defaultDrillIntervalMonths: programmeDrillIntervals.defaultIntervalMonths,
    drillIntervalMonths: {},
    version: 0,
    updatedAt: null,
    updatedBy: null,
  };
}

/** Any signed-in user may read them: they name no school and no person's data beyond who changed them last. */
export async function getCountrySettings(ctx: Ctx, countryCode: string): Promise<CountrySettingsView> {
  requireActor(ctx);
  return (await findCountrySettings(ctx.tx, countryCode)) ?? defaultCountrySettings(countryCode);
}
