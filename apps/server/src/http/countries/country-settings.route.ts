import { getCountrySettings as getEndpoint, updateCountrySettings as updateEndpoint } from '@safeschools/contract';
import { getCountrySettings, type CountrySettingsView } from '../../domain/countries/get-country-settings.js';
import { updateCountrySettings } from '../../domain/countries/update-country-settings.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

function presentCountrySettings(row: CountrySettingsView) {
  return {
    countryCode: row.countryCode,
    defaultDrillIntervalMonths: row.defaultDrillIntervalMonths,
    drillIntervalMonths: { ...row.drillIntervalMonths },
    version: row.version,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    updatedBy: row.updatedBy,
  };
}

export function registerCountrySettingsRoutes(app: App, services: Services): void {
  const { database } = services;
  // Settings name no school, area or person's data (only the id of who changed them), so they are not scoped.
  route(app, database, getEndpoint, {
    scope: 'public',
    handler: async ({ ctx, params }) => presentCountrySettings(await getCountrySettings(ctx, params.code)),
  });
  route(app, database, updateEndpoint, {
    scope: 'filtered',
    handler: async ({ ctx, params, body }) => presentCountrySettings(await updateCountrySettings(ctx, params.code, body)),
  });
}
