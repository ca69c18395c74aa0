import { GeoInputError } from '../errors.js';
import { parseTrackCsv, type TrackSelection } from './parse-track-csv.js';
import { parseTrackGeoJson } from './parse-track-geojson.js';
import type { CycloneTrack } from './track-types.js';

/** Reads a cyclone best track from CSV (one storm chosen by `select`) or GeoJSON points; sorted by time. */
export function readCycloneTrack(text: string, select: TrackSelection = {}): CycloneTrack {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (err) {
      throw new GeoInputError('TRACK_INVALID', `The track is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (typeof doc !== 'object' || doc === null) throw new GeoInputError('TRACK_INVALID', 'The JSON is not a GeoJSON object.');
    return parseTrackGeoJson(doc as Record<string, unknown>);
  }
  if (trimmed === '') throw new GeoInputError('TRACK_INVALID', 'The track file is empty.');
  return parseTrackCsv(text, select);
}
