import { GeoInputError, type GeoWarning } from '../errors.js';
import { finishTrack, parseUtc } from './finish-track.js';
import { KNOT_MS, type CycloneTrack, type TrackPoint } from './track-types.js';

function firstOf(props: Record<string, unknown>, names: string[]): unknown {
  for (const n of names) if (props[n] !== undefined && props[n] !== null && props[n] !== '') return props[n];
  return undefined;
}

/**
 * Reads a track given as GeoJSON Point features (one per fix) with a time and a wind in knots
 * (`msws_kt`/`wind_kt`) or m/s (`wind_ms`), optionally `pressure_hpa`. Line features are ignored: they
 * carry no times.
 */
/** A property as text: numbers and strings as they are, anything else (objects, null) as empty. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function parseTrackGeoJson(doc: Record<string, unknown>): CycloneTrack {
  const features = doc['type'] === 'FeatureCollection' && Array.isArray(doc['features']) ? (doc['features'] as unknown[]) : null;
  if (!features) throw new GeoInputError('TRACK_INVALID', 'A GeoJSON track must be a FeatureCollection of Point fixes.');
  const warnings: GeoWarning[] = [];
  const points: TrackPoint[] = [];
  let id = '';
  let name: string | undefined;
  features.forEach((f, i) => {
    const feature = f as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> } | null;
    if (feature?.geometry?.type !== 'Point') return;
    const props = feature.properties ?? {};
    const coords = feature.geometry.coordinates as unknown[];
    const time = parseUtc(text(firstOf(props, ['datetime_utc', 'time', 'datetime', 'iso_time'])));
    const kt = firstOf(props, ['msws_kt', 'wind_kt', 'vmax_kt']);
    const ms = firstOf(props, ['wind_ms', 'vmax_ms']);
    const windMs = kt !== undefined ? Number(kt) * KNOT_MS : Number(ms);
    const p: TrackPoint = { time, lon: Number(coords?.[0]), lat: Number(coords?.[1]), windMs };
    if (![p.time, p.lon, p.lat, p.windMs].every(Number.isFinite)) {
      warnings.push({ code: 'TRACK_ROW_INVALID', message: `Feature ${i} lacks a readable time, position or wind; skipped.` });
      return;
    }
    const pressure = Number(firstOf(props, ['pressure_hpa', 'pressure', 'pres']));
    if (Number.isFinite(pressure)) p.pressureHpa = pressure;
    const category = firstOf(props, ['imd_category', 'category', 'cat']);
    if (category !== undefined) p.category = text(category);
    id ||= text(firstOf(props, ['cs_id', 'sid', 'storm_id', 'id']));
    name ??= firstOf(props, ['name', 'storm_name']) as string | undefined;
    points.push(p);
  });
  const track: CycloneTrack = { id, points: finishTrack(points, `Track ${name ?? id}`, warnings), warnings };
  if (name) track.name = String(name);
  return track;
}
