import { GeoInputError, type GeoWarning } from '../errors.js';
import type { TrackPoint } from './track-types.js';

/** Sorts by time, drops repeated times (keeping the first) and refuses a track that cannot be interpolated. */
export function finishTrack(points: TrackPoint[], label: string, warnings: GeoWarning[]): TrackPoint[] {
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const out: TrackPoint[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.time === p.time) {
      warnings.push({ code: 'TRACK_DUPLICATE_TIME', message: `${label}: two fixes at ${new Date(p.time).toISOString()}; the second was dropped.` });
      continue;
    }
    out.push(p);
  }
  if (out.length < 2) {
    throw new GeoInputError('TRACK_TOO_SHORT', `${label} has ${out.length} fix${out.length === 1 ? '' : 'es'}; a track needs at least two to move.`);
  }
  return out;
}

/** Best-track times are UTC; "2019-04-26 03:00:00" is read as such. */
export function parseUtc(text: string): number {
  const t = text.trim();
  const iso = t.includes('T') ? t : t.replace(' ', 'T');
  return Date.parse(/Z$|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}
