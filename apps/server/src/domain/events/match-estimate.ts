import { haversineKm } from '@safeschools/geo';
import type { Executor } from '../../db/database.js';
import { estimatesNear } from '../../db/events/estimates.repository.js';
import type { EventRow } from '../../db/events/events.repository.js';
import type { ParsedHazard } from './parsed-hazard.js';

// The same earthquake, when the ids differ: origin times within 2 minutes and epicentres within 100 km. Agencies'
// first locations of one earthquake differ by seconds and tens of km; two damaging earthquakes that close in
// both are rare, and would then be one event, which the ShakeMap's bands still describe.
const WINDOW_MS = 2 * 60 * 1000;
const RADIUS_KM = 100;

interface Quake {
  time: Date;
  lon: number;
  lat: number;
}

function point(value: unknown): { lon: number; lat: number } | null {
  const p = value as { lon?: unknown; lat?: unknown } | null | undefined;
  return typeof p?.lon === 'number' && typeof p.lat === 'number' ? { lon: p.lon, lat: p.lat } : null;
}

/** Time and place of an actual earthquake this hazard describes; null for anything else. */
export function quakeOf(parsed: ParsedHazard): Quake | null {
  if (parsed.cancels || parsed.status !== 'actual' || !parsed.onset) return null;
  if (!/earthquake|seism/i.test(parsed.hazardType ?? '')) return null;
  const epicentre = point(parsed.details['epicentre']) ?? point(parsed.details['point']);
  if (epicentre) return { time: parsed.onset, ...epicentre };
  // A CAP alert gives an area, not an epicentre: GDACS draws it around the epicentre, so its middle stands in.
  const bbox = parsed.display.bbox;
  if (parsed.kind !== 'cap' || !bbox) return null;
  return { time: parsed.onset, lon: (bbox[0] + bbox[2]) / 2, lat: (bbox[1] + bbox[3]) / 2 };
}

/**
 * The estimated event of the same earthquake, when no key names it: the nearest estimate within 2 minutes of the
 * origin time whose epicentre is within 100 km. A ShakeMap or CAP alert then replaces the estimate in that event.
 */
export async function matchEstimate(on: Executor, parsed: ParsedHazard): Promise<EventRow | undefined> {
  const quake = quakeOf(parsed);
  if (!quake) return undefined;
  for (const candidate of await estimatesNear(on, quake.time, WINDOW_MS)) {
    const epicentre = point(candidate.details['epicentre']) ?? point(candidate.details['point']);
    if (epicentre && haversineKm(quake.lon, quake.lat, epicentre.lon, epicentre.lat) <= RADIUS_KM) return candidate;
  }
  return undefined;
}
