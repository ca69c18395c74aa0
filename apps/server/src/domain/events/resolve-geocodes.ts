import type { Hazard, GeoWarning, MultiPolygonCoords } from '@safeschools/geo';
import type { Database } from '../../db/database.js';
import { areasByCodes } from '../../db/events/area-geocodes.repository.js';
import type { AreaGeocode } from './parsed-hazard.js';

/**
 * CAP areas given only as geocodes ("LGD 245", "census2011 244", a P-code) become the polygons of the admin
 * areas holding that code in a code system of the same name. Codes no area carries are listed in a warning.
 */
export async function resolveGeocodes(database: Database, geocodes: AreaGeocode[], warnings: GeoWarning[]): Promise<Hazard | null> {
  if (geocodes.length === 0) return null;
  const found = await areasByCodes(database, geocodes);
  const matched = new Set(found.map((f) => `${f.value_name.toLowerCase()}=${f.value}`));
  const missing = geocodes.filter((g) => !matched.has(`${g.valueName.toLowerCase()}=${g.value}`));
  if (missing.length > 0) {
    warnings.push({
      code: 'CAP_GEOCODE_UNRESOLVED',
      message: `No admin area carries ${missing.slice(0, 20).map((g) => `${g.valueName} ${g.value}`).join(', ')}${missing.length > 20 ? ` and ${missing.length - 20} more` : ''}; schools there are not counted.`,
    });
  }
  const footprints = found
    .map((f) => JSON.parse(f.geometry) as { type: string; coordinates: unknown })
    .filter((g) => g.type === 'MultiPolygon')
    .map((g) => ({ polygon: g.coordinates as MultiPolygonCoords }));
  return footprints.length ? { kind: 'polygons', footprints, imt: 'INSIDE' } : null;
}
