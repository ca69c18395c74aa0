import type { RowProblem } from '../../imports/import-runner.js';
import { insideBox, type CountryRules } from './country-rules.js';

export interface CoordinateResult {
  lat: number | null;
  lon: number | null;
  problems: RowProblem[];
}

/**
 * Checks a latitude/longitude pair. Swapped pairs are reported, never silently fixed: a file that swaps one
 * row may swap others in ways we cannot see, and the person importing should fix the source.
 */
export function validateCoordinates(
  row: number,
  rawLat: string,
  rawLon: string,
  rules: CountryRules | undefined,
  columns: { lat: string; lon: string },
): CoordinateResult {
  const none: CoordinateResult = { lat: null, lon: null, problems: [] };
  const problem = (
    severity: 'error' | 'warning',
    code: string,
    message: string,
    column = columns.lat,
    value = `${rawLat},${rawLon}`,
  ): RowProblem => ({ row, column, severity, code, message, value });
  if (!rawLat && !rawLon) {
    none.problems.push(
      problem('warning', 'NO_LOCATION', 'No latitude/longitude: the school is imported without a location and left unplaced.'),
    );
    return none;
  }
  if (!rawLat || !rawLon) {
    const column = rawLat ? columns.lon : columns.lat;
    none.problems.push(
      problem('error', 'MISSING_COORDINATE', `Only one of latitude and longitude is given; give both or neither.`, column),
    );
    return none;
  }
  const lat = Number(rawLat);
  const lon = Number(rawLon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
    const column = Number.isFinite(lat) ? columns.lon : columns.lat;
    none.problems.push(
      problem('error', 'NOT_A_NUMBER', 'Latitude and longitude must be decimal degrees, e.g. 27.3389 and 88.6065.', column),
    );
    return none;
  }
  if (lat === 0 && lon === 0) {
    none.problems.push(
      problem('error', 'NULL_ISLAND', 'The location is 0,0 (in the Atlantic): a missing value was probably written as zero.'),
    );
    return none;
  }
  const swappedFits =
    Math.abs(lon) <= 90 && Math.abs(lat) <= 180 && insideBox(rules, lat, lon) && (rules !== undefined || Math.abs(lat) > 90);
  const inRange = Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if ((!inRange || !insideBox(rules, lon, lat)) && swappedFits) {
    none.problems.push(
      problem(
        'error',
        'SWAPPED_COORDINATES',
        `Latitude and longitude look swapped: ${lat},${lon} fits as latitude ${lon}, longitude ${lat}. Swap the columns (or the mapping) and import again.`,
      ),
    );
    return none;
  }
  if (!inRange) {
    none.problems.push(problem('error', 'OUT_OF_RANGE', 'Latitude must be within -90..90 and longitude within -180..180.'));
    return none;
  }
  if (!insideBox(rules, lon, lat)) {
    none.problems.push(
      problem('error', 'OUTSIDE_COUNTRY', `The location ${lat},${lon} is outside ${rules?.name ?? 'the country'}.`),
    );
    return none;
  }
  return { lat, lon, problems: [] };
}
