import { AppError } from '../../shared/app-error.js';
import { GEOMETRY_LAT, GEOMETRY_LON } from './school-fields.js';
import type { SourceRow } from './source-row.js';

/** GeoJSON is parsed whole; files above this are refused with advice rather than exhausting memory. */
export const MAX_GEOJSON_CHARS = 300_000_000;

const invalid = (message: string) => new AppError('IMPORT_FILE_INVALID', message);

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The point of a feature as [lon, lat] strings, or blanks; anything but a point is refused for the whole file. */
function pointOf(geometry: unknown, index: number): [string, string] {
  if (geometry === null || geometry === undefined) return ['', ''];
  const g = geometry as { type?: unknown; coordinates?: unknown };
  let coordinates = g.coordinates;
  if (g.type === 'MultiPoint' && Array.isArray(coordinates) && coordinates.length === 1) coordinates = coordinates[0];
  else if (g.type !== 'Point') {
    throw invalid(
      `Feature ${index + 1} is a ${String(g.type)}: schools must be points. Is this a boundary file? Import it as boundaries instead.`,
    );
  }
  if (!Array.isArray(coordinates) || coordinates.length < 2) return ['', ''];
  return [asText(coordinates[0]), asText(coordinates[1])];
}

/**
 * Rows of a GeoJSON FeatureCollection of points: the properties as columns, plus the point's coordinates as
 * `geometry.lon`/`geometry.lat`. Row numbers are feature numbers from 1.
 */
export async function* readGeoJsonRows(text: AsyncIterable<string>): AsyncGenerator<SourceRow> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of text) {
    length += chunk.length;
    if (length > MAX_GEOJSON_CHARS)
      throw invalid(
        'The GeoJSON file is too large to read at once: split it, or convert it to CSV with latitude and longitude columns.',
      );
    parts.push(chunk);
  }
  let document: unknown;
  try {
    document = JSON.parse(parts.join(''));
  } catch (error) {
    throw invalid(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const doc = document as { type?: unknown; features?: unknown };
  if (doc?.type === 'Topology')
    throw invalid('This is TopoJSON. Convert it to GeoJSON (for example with mapshaper: -o format=geojson) and import again.');
  if (doc?.type === 'Feature') doc.features = [doc];
  else if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw invalid(
      `Expected a GeoJSON FeatureCollection of school points; found ${doc && typeof doc === 'object' ? `type "${String(doc.type)}"` : 'something else'}.`,
    );
  }
  const features = doc.features as { type?: unknown; geometry?: unknown; properties?: unknown }[];
  const columnSet = new Set<string>();
  const points = features.map((feature, i) => {
    if (!feature || feature.type !== 'Feature') throw invalid(`Item ${i + 1} of "features" is not a Feature.`);
    for (const key of Object.keys((feature.properties as object | null) ?? {})) columnSet.add(key);
    return pointOf(feature.geometry, i);
  });
  const columns = [...columnSet, GEOMETRY_LON, GEOMETRY_LAT];
  yield { row: 0, columns, record: null };
  for (let i = 0; i < features.length; i++) {
    const properties = (features[i]!.properties ?? {}) as Record<string, unknown>;
    const record: Record<string, string> = { [GEOMETRY_LON]: points[i]![0], [GEOMETRY_LAT]: points[i]![1] };
    for (const [key, value] of Object.entries(properties)) record[key] = asText(value);
    const blank = Object.values(record).every((v) => v.trim() === '');
    yield { row: i + 1, columns, record: blank ? null : record };
  }
}
