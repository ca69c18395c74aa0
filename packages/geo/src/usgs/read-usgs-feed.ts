import { GeoInputError, type GeoWarning } from '../errors.js';

/**
 * One earthquake of a feed, as early as it is public: the epicentre, magnitude and depth, before any ShakeMap.
 * The same shape comes from the USGS GeoJSON summary feeds and from GDACS earthquake items.
 */
export interface EarthquakeEntry {
  /** The feed's id of the event (USGS: the preferred id, e.g. 'us7000abcd'). */
  sourceId: string;
  /** Every id the event is known by (USGS `ids`: one per contributing network), the preferred one first. */
  ids: string[];
  magnitude: number;
  depthKm: number;
  lat: number;
  lon: number;
  /** Origin time, ISO 8601. */
  time: string;
  /** When the feed last changed the entry, ISO 8601: a newer one carries a revised magnitude or location. */
  updated: string;
  place: string;
  title: string;
  /** The event page, when given. */
  url?: string;
  /** USGS review status: automatic, reviewed or deleted. */
  status: string;
}

export interface UsgsFeedResult {
  title: string;
  entries: EarthquakeEntry[];
  /** Features left out: other event types (quarry blasts, explosions) and deleted events. */
  skipped: number;
  warnings: GeoWarning[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function isoFromMs(v: unknown): string | null {
  if (!finite(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** USGS writes `ids` as ",us7000abcd,at00abcd,"; the preferred id leads, each id once. */
function idsOf(id: string, list: unknown): string[] {
  const others = text(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set([id, ...others])];
}

/** One feature as an earthquake, or the reason it cannot be one. */
function readFeature(f: unknown): EarthquakeEntry | { skip: true } | { invalid: string } {
  if (!isObject(f)) return { invalid: 'it is not an object' };
  const p = f['properties'];
  const g = f['geometry'];
  if (!isObject(p)) return { invalid: 'it has no properties' };
  const type = text(p['type']) || 'earthquake';
  if (type !== 'earthquake' || text(p['status']) === 'deleted') return { skip: true };
  const id = text(f['id']) || text(p['net']) + text(p['code']);
  if (!id) return { invalid: 'it has no id' };
  if (!isObject(g) || g['type'] !== 'Point' || !Array.isArray(g['coordinates'])) return { invalid: `${id}: its geometry is not a Point` };
  const [lon, lat, depth] = g['coordinates'] as unknown[];
  if (!finite(lon) || !finite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return { invalid: `${id}: its coordinates are not a longitude and latitude` };
  const magnitude = p['mag'];
  if (!finite(magnitude) || magnitude < -2 || magnitude > 10.5) return { invalid: `${id}: it has no usable magnitude` };
  // Depth is km below sea level; negative (above sea level) and missing depths are taken as at the surface.
  const depthKm = finite(depth) ? Math.max(0, depth) : 0;
  const time = isoFromMs(p['time']);
  if (!time) return { invalid: `${id}: it has no origin time` };
  const place = text(p['place']);
  const url = text(p['url']);
  return {
    sourceId: id,
    ids: idsOf(id, p['ids']),
    magnitude,
    depthKm,
    lat,
    lon,
    time,
    updated: isoFromMs(p['updated']) ?? time,
    place,
    title: text(p['title']) || `M ${magnitude.toFixed(1)} - ${place || id}`,
    ...(url ? { url } : {}),
    status: text(p['status']) || 'automatic',
  };
}

/**
 * Reads a USGS real-time GeoJSON summary feed (a FeatureCollection of earthquakes, e.g.
 * https://earthquake.usgs.gov/earthquakes/feed/v1.0/summary/4.5_hour.geojson). A feature that cannot be read is
 * left out with a warning; the rest of the feed is still read. Throws GeoInputError USGS_FEED_INVALID only when
 * the whole document is not such a feed.
 */
export function readUsgsFeed(input: Uint8Array | string): UsgsFeedResult {
  const source = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  let doc: unknown;
  try {
    doc = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GeoInputError('USGS_FEED_INVALID', `The feed is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(doc) || doc['type'] !== 'FeatureCollection' || !Array.isArray(doc['features'])) {
    throw new GeoInputError('USGS_FEED_INVALID', 'Expected a GeoJSON FeatureCollection of earthquakes (a USGS summary feed).');
  }
  const warnings: GeoWarning[] = [];
  const entries: EarthquakeEntry[] = [];
  let skipped = 0;
  (doc['features'] as unknown[]).forEach((f, i) => {
    const read = readFeature(f);
    if ('skip' in read) skipped++;
    else if ('invalid' in read) warnings.push({ code: 'USGS_FEATURE_INVALID', message: `feature ${i + 1} was left out: ${read.invalid}` });
    else entries.push(read);
  });
  const metadata = doc['metadata'];
  return { title: isObject(metadata) ? text(metadata['title']) : '', entries, skipped, warnings };
}
