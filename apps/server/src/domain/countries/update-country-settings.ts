import { can, type SafetyHazard } from '@safeschools/domain';
import {
  findCountrySettings,
  insertCountrySettings,
  scopeHoldsCountry,
  updateCountrySettings as updateRow,
  type CountrySettingsRow,
} from '../../db/countries/country-settings.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requireActor, type Actor, type Ctx } from '../shared/context.js';

export interface CountrySettingsChange {
  defaultDrillIntervalMonths: number;
  drillIntervalMonths: Partial<Record<SafetyHazard, number>>;
  /** The version the change was based on; 0 for a country still on the programme defaults. */
  version: number;
}

/**
 * Settings apply to every school of a country, so only an administrator or someone who approves safety records
 * for the whole country (a programme manager with the country-level area in scope) may change them.
 */
async function requireNationalRole(ctx: Ctx, actor: Actor, countryCode: string): Promise<void> {
  if (actor.role === 'administrator') return;
  if (can(actor.role, 'safety.approve') && (await scopeHoldsCountry(ctx.tx, actor.scope, countryCode))) return;
  throw new AppError('FORBIDDEN', 'Only an administrator or a national programme manager may change country settings.');
}

export async function updateCountrySettings(ctx: Ctx, countryCode: string, change: CountrySettingsChange): Promise<CountrySettingsRow> {
  const actor = requireActor(ctx);
  await requireNationalRole(ctx, actor, countryCode);
  const before = await findCountrySettings(ctx.tx, countryCode);
  const values = {
    defaultDrillIntervalMonths: change.defaultDrillIntervalMonths,
    drillIntervalMonths: change.drillIntervalMonths as Record<string, number>,
    updatedAt: ctx.now,
    updatedBy: actor.via === 'system' ? null : actor.userId,
  };
  const row = change.version === 0 ? await insertCountrySettings(ctx.tx, countryCode, values) : await updateRow(ctx.tx, countryCode, change.version, values);
  if (!row) throw new AppError('VERSION_CONFLICT', `The settings of ${countryCode} were changed since version ${change.version}; reload them.`);
  await audit(ctx, {
    action: 'country_settings.update',
    entity: 'country_settings',
    entityId: countryCode,
    beforeVersion: before?.version ?? 0,
    afterVersion: row.version,
    details: { countryCode, defaultDrillIntervalMonths: row.defaultDrillIntervalMonths, drillIntervalMonths: row.drillIntervalMonths },
  });
  return row;
}
