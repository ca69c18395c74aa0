import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../../db/database.js';
import { insertBoundaryArea, listCurrentAreas } from '../../../db/registry/boundaries/boundary-areas.repository.js';
import type { AreaLevel, BoundaryOptions } from './boundary-options.js';

/** Where an area sits: its id and its path from the country down. */
export interface Placed {
  id: string;
  path: string[];
}

/** The country everything hangs from: found by its ISO code, or created (with no geometry) on first import. */
export async function ensureCountry(
  database: Database,
  on: Executor,
  options: BoundaryOptions,
  importId: string,
  write: boolean,
): Promise<Placed> {
  const { countryCode, countryName } = options;
  const found = (await listCurrentAreas(database, on, countryCode, 'country', 'iso3166')).find((c) => c.code === countryCode);
  if (found) return { id: found.id, path: found.path };
  const id = uuidv7();
  if (write)
    await insertBoundaryArea(database, on, {
      id,
      parentId: null,
      level: 'country',
      name: countryName,
      names: {},
      codes: { iso3166: countryCode },
      path: [id],
      geometry: null,
      countryCode,
      importId,
      validFrom: null,
    });
  return { id, path: [id] };
}

/** Stored areas of a level by code, for a file whose parents were imported earlier. */
export async function placedFromDatabase(
  database: Database,
  on: Executor,
  options: BoundaryOptions,
  level: AreaLevel,
): Promise<Map<string, Placed>> {
  const rows = await listCurrentAreas(database, on, options.countryCode, level, options.codeSystem);
  return new Map(rows.filter((r) => r.code).map((r) => [r.code!, { id: r.id, path: r.path }]));
}
