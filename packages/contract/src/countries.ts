import { z } from 'zod';
import { safetyHazards } from '@safeschools/domain';
import { endpoint } from './endpoint.js';

/** A drill interval a country may set: at least monthly, at most every two years. */
const IntervalMonths = z.number().int().min(1).max(24);

export const CountryCodeParams = z.object({ code: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code in capitals') });

const settingsFields = {
  /** Months between drills of a hazard the country sets no interval for (programme default: 6). */
  defaultDrillIntervalMonths: IntervalMonths,
  /** Hazards drilled on another interval than the default. */
  drillIntervalMonths: z.partialRecord(z.enum(safetyHazards), IntervalMonths),
};

export const CountrySettings = z
  .object({
    countryCode: z.string(),
    ...settingsFields,
    /** 0 while the country still uses the programme defaults; send it back when saving. */
    version: z.number().int(),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.uuid().nullable(),
  })
  .meta({ id: 'CountrySettings' });

export const UpdateCountrySettingsBody = z
  .object({ ...settingsFields, version: z.number().int().min(0) })
  .strict()
  .meta({ id: 'UpdateCountrySettingsBody' });

export const getCountrySettings = endpoint({
  id: 'getCountrySettings',
  method: 'GET',
  path: '/api/v1/countries/:code/settings',
  summary: "A country's settings (drill intervals per hazard); the programme defaults while it has set none",
  tag: 'countries',
  params: CountryCodeParams,
  response: CountrySettings,
  auth: 'user',
});

export const updateCountrySettings = endpoint({
  id: 'updateCountrySettings',
  method: 'PUT',
  path: '/api/v1/countries/:code/settings',
  summary: "Change a country's settings (administrators and national programme managers); 409 on a stale version",
  tag: 'countries',
  params: CountryCodeParams,
  body: UpdateCountrySettingsBody,
  response: CountrySettings,
  auth: 'user',
});
