import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { areas, countrySettings } from '../schema.js';
import { areaVisibleTo } from '../scope/scope-filter.js';

export type CountrySettingsRow = typeof countrySettings.$inferSelect;
type SettingsChange = Pick<CountrySettingsRow, 'defaultDrillIntervalMonths' | 'drillIntervalMonths' | 'updatedAt' | 'updatedBy'>;

export async function findCountrySettings(on: Executor, countryCode: string): Promise<CountrySettingsRow | undefined> {
  const rows = await on.select().from(countrySettings).where(eq(countrySettings.countryCode, countryCode)).limit(1);
  return rows[0];
}

/** The settings of the countries given that have any (for lists over schools of several countries). */
export async function findSettingsOfCountries(on: Executor, countryCodes: readonly string[]): Promise<CountrySettingsRow[]> {
  if (countryCodes.length === 0) return [];
  return on.select().from(countrySettings).where(inArray(countrySettings.countryCode, [...countryCodes]));
}

/** The first save of a country; nothing when another request saved it first. */
export async function insertCountrySettings(on: Executor, countryCode: string, change: SettingsChange): Promise<CountrySettingsRow | undefined> {
  const rows = await on.insert(countrySettings).values({ countryCode, ...change }).onConflictDoNothing().returning();
  return rows[0];
}

/** Optimistic update: nothing when the stored version is not the one the change was based on. */
export async function updateCountrySettings(on: Executor, countryCode: string, expectedVersion: number, change: SettingsChange): Promise<CountrySettingsRow | undefined> {
  const rows = await on
    .update(countrySettings)
    .set({ ...change, version: sql`${countrySettings.version} + 1` })
    .where(and(eq(countrySettings.countryCode, countryCode), eq(countrySettings.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** Whether the scope holds the whole country: a country-level area with this code that it covers. */
export async function scopeHoldsCountry(on: Executor, viewer: Scope, countryCode: string): Promise<boolean> {
  const rows = await on
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.level, 'country'), eq(areas.countryCode, countryCode), isNull(areas.deletedAt), areaVisibleTo(viewer)))
    .limit(1);
  return rows.length > 0;
}
