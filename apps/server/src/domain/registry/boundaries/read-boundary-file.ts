import { AppError } from '../../shared/app-error.js';
import { decodeTopoObject } from './decode-topojson.js';

/** One feature of a boundary file: its properties and, for polygons, the GeoJSON geometry as text. */
export interface BoundaryFeature {
  /** 1-based across the whole file, as reported to the user. */
  row: number;
  properties: Record<string, unknown>;
  geometryType: string;
  geometry: string | null;
}

/** A TopoJSON object (e.g. `states`), or `features` for a GeoJSON FeatureCollection. */
export interface BoundaryLayer {
  name: string;
  features: BoundaryFeature[];
}

export interface BoundaryFile {
  format: 'GeoJSON' | 'TopoJSON';
  layers: BoundaryLayer[];
}

const fail = (message: string) => new AppError('IMPORT_FILE_INVALID', message);
const POLYGONS = new Set(['Polygon', 'MultiPolygon']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads GeoJSON or TopoJSON, whichever the bytes are: people name these files loosely. */
export function readBoundaryFile(bytes: Buffer): BoundaryFile {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw fail('The file is not JSON: a boundary import takes GeoJSON or TopoJSON.');
  }
  if (!isRecord(json)) throw fail('The file is JSON but not GeoJSON or TopoJSON (no object with a "type").');
  let row = 0;
  const next = () => (row += 1);
  if (json.type === 'Topology') {
    if (!isRecord(json.objects) || !Object.keys(json.objects).length) throw fail('The TopoJSON has no objects.');
    const topology = json as { arcs: unknown; transform?: { scale: [number, number]; translate: [number, number] } };
    const layers = Object.entries(json.objects).map(([name, object]) => ({
      name,
      features: decodeTopoObject(topology, object).map((g) => ({
        row: next(),
        properties: g.properties,
        geometryType: g.type,
        geometry: g.geometry ? JSON.stringify(g.geometry) : null,
      })),
    }));
    return checkAreas({ format: 'TopoJSON', layers });
  }
  const features = json.type === 'FeatureCollection' ? json.features : json.type === 'Feature' ? [json] : undefined;
  if (!Array.isArray(features)) {
    throw fail(
      `The file is JSON of type ${JSON.stringify(json.type ?? null)}, neither a GeoJSON FeatureCollection nor a TopoJSON Topology.`,
    );
  }
  const layer = {
    name: 'features',
    features: features.map((f: unknown) => {
      const feature = isRecord(f) ? f : {};
      const geometry = isRecord(feature.geometry) ? feature.geometry : null;
      const geometryType = typeof geometry?.type === 'string' ? geometry.type : 'null';
      return {
        row: next(),
        properties: isRecord(feature.properties) ? feature.properties : {},
        geometryType,
        geometry: geometry && POLYGONS.has(geometryType) ? JSON.stringify(geometry) : null,
      };
    }),
  };
  return checkAreas({ format: 'GeoJSON', layers: [layer] });
}

/** A file of lines or points is refused whole: an outline drawn as a line has no inside to place schools in. */
function checkAreas(file: BoundaryFile): BoundaryFile {
  const all = file.layers.flatMap((l) => l.features);
  if (!all.length) throw fail(`The ${file.format} file has no features.`);
  if (all.some((f) => POLYGONS.has(f.geometryType))) return file;
  const types = [...new Set(all.map((f) => f.geometryType))].join(', ');
  const line = /Line/.test(types);
  throw fail(
    `The ${file.format} file holds ${types} geometries, not areas. ` +
      (line ? 'A line (such as a country outline) does not enclose anything, so schools cannot be placed in it; ' : '') +
      'a boundary import needs Polygon or MultiPolygon features.',
  );
}

/** Every property name that occurs in a layer, in first-seen order. */
export function propertyNames(layer: BoundaryLayer): string[] {
  const names = new Set<string>();
  for (const f of layer.features) for (const k of Object.keys(f.properties)) names.add(k);
  return [...names];
}
