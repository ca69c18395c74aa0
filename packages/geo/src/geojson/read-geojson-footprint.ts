import { GeoInputError, type GeoWarning } from '../errors.js';
import type { MultiPolygonCoords, PolygonCoords, Position, Ring } from '../geometry-types.js';
import { findSelfIntersection, isClosed } from './ring-checks.js';

export interface Footprint {
  polygon: MultiPolygonCoords;
  /** The configured intensity property, when present and numeric. */
  intensity?: number;
  properties: Record<string, unknown>;
}

export interface FootprintResult {
  footprints: Footprint[];
  warnings: GeoWarning[];
}

export interface FootprintOptions {
  /** Property holding a numeric intensity (e.g. 'mmi', 'windMs'); default 'intensity'. */
  intensityProperty?: string;
  /** Rings with more vertices than this are not checked for self-intersection (the check is quadratic). */
  selfIntersectionLimit?: number;
}

const fail = (message: string): GeoInputError => new GeoInputError('GEOJSON_INVALID', message);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function position(v: unknown, where: string): Position {
  if (!Array.isArray(v) || v.length < 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number' || !Number.isFinite(v[0]) || !Number.isFinite(v[1])) {
    throw fail(`${where}: a position must be [lon, lat] numbers.`);
  }
  if (Math.abs(v[0]) > 180 || Math.abs(v[1]) > 90) throw fail(`${where}: [${v[0]}, ${v[1]}] is not a lon/lat position.`);
  return [v[0], v[1]];
}

function ring(v: unknown, where: string, opts: Required<FootprintOptions>, warnings: GeoWarning[]): Ring {
  if (!Array.isArray(v)) throw fail(`${where}: a ring must be an array of positions.`);
  const r = v.map((p, i) => position(p, `${where} position ${i}`));
  if (r.length > 0 && !isClosed(r)) {
    r.push([(r[0] as Position)[0], (r[0] as Position)[1]]);
    warnings.push({ code: 'POLYGON_CLOSED', message: `${where} was not closed; its first position was repeated at the end.` });
  }
  if (r.length < 4) throw fail(`${where}: a ring needs at least 4 positions; it has ${r.length}.`);
  if (r.length - 1 <= opts.selfIntersectionLimit) {
    const hit = findSelfIntersection(r);
    if (hit) warnings.push({ code: 'POLYGON_SELF_INTERSECTS', message: `${where} crosses itself (edges ${hit[0]} and ${hit[1]}); results near the crossing may be wrong.` });
  } else {
    warnings.push({ code: 'POLYGON_NOT_CHECKED', message: `${where} has ${r.length - 1} vertices; self-intersection was not checked.` });
  }
  return r;
}

function polygon(v: unknown, where: string, opts: Required<FootprintOptions>, warnings: GeoWarning[]): PolygonCoords {
  if (!Array.isArray(v) || v.length === 0) throw fail(`${where}: a Polygon needs at least one ring.`);
  return v.map((r, i) => ring(r, `${where} ring ${i}`, opts, warnings));
}

function geometry(g: unknown, where: string, opts: Required<FootprintOptions>, warnings: GeoWarning[]): MultiPolygonCoords {
  if (!isRecord(g)) throw fail(`${where}: geometry is missing.`);
  switch (g['type']) {
    case 'Polygon':
      return [polygon(g['coordinates'], where, opts, warnings)];
    case 'MultiPolygon': {
      const parts = g['coordinates'];
      if (!Array.isArray(parts)) throw fail(`${where}: MultiPolygon coordinates must be an array.`);
      return parts.map((p, i) => polygon(p, `${where} part ${i}`, opts, warnings));
    }
    case 'LineString':
    case 'MultiLineString':
      throw fail(`${where} is a ${String(g['type'])}, not a polygon: an outline drawn as a line has no inside. Convert it to a Polygon first.`);
    default:
      throw fail(`${where} is a ${String(g['type'])}; only Polygon and MultiPolygon footprints are accepted.`);
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw fail(`The text is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Reads hazard footprints from GeoJSON (FeatureCollection, Feature or bare Polygon/MultiPolygon). Unclosed
 * rings are closed with a warning; self-crossing rings are reported; TopoJSON and lines are refused with a
 * message saying what they are.
 */
export function readGeoJsonFootprint(text: string, options: FootprintOptions = {}): FootprintResult {
  const opts: Required<FootprintOptions> = { intensityProperty: options.intensityProperty ?? 'intensity', selfIntersectionLimit: options.selfIntersectionLimit ?? 5000 };
  const doc = parse(text);
  if (!isRecord(doc)) throw fail('The JSON is not a GeoJSON object.');
  if (doc['type'] === 'Topology') throw fail('This is TopoJSON, not GeoJSON: convert it with topojson-client (feature()) first.');
  const warnings: GeoWarning[] = [];
  const features: { geometry: unknown; properties: unknown }[] =
    doc['type'] === 'FeatureCollection'
      ? Array.isArray(doc['features'])
        ? (doc['features'] as { geometry: unknown; properties: unknown }[])
        : (() => {
            throw fail('FeatureCollection.features must be an array.');
          })()
      : doc['type'] === 'Feature'
        ? [doc as { geometry: unknown; properties: unknown }]
        : [{ geometry: doc, properties: {} }];
  if (features.length === 0) throw fail('The GeoJSON holds no features.');
  const footprints = features.map((f, i): Footprint => {
    const where = `feature ${i}`;
    if (!isRecord(f)) throw fail(`${where} is not an object.`);
    const properties = isRecord(f.properties) ? f.properties : {};
    const fp: Footprint = { polygon: geometry(f.geometry, where, opts, warnings), properties };
    const raw = properties[opts.intensityProperty];
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : undefined;
    if (value !== undefined && Number.isFinite(value)) fp.intensity = value;
    else if (raw !== undefined && raw !== null) warnings.push({ code: 'FOOTPRINT_INTENSITY_INVALID', message: `${where}: ${opts.intensityProperty} ${JSON.stringify(raw)} is not a number; ignored.` });
    return fp;
  });
  return { footprints, warnings };
}
