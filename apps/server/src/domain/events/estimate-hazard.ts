import type { EarthquakeEntry } from '@safeschools/geo';
import type { ParsedHazard } from './parsed-hazard.js';
import { scenarioHazard } from './scenario-hazard.js';

/** Where an early earthquake came from: its keys are named after the source. */
export type EstimateSource = 'usgs' | 'gdacs';

/**
 * Keys of an earthquake known by these ids: the feed's own family key, and the ShakeMap family key of every id,
 * so that the ShakeMap of any of them (USGS names a ShakeMap after the event id, whichever network's) finds the
 * event and replaces the estimate.
 */
export function estimateFamilyKeys(source: EstimateSource, ids: readonly string[]): string[] {
  return [...ids.map((id) => `${prefix(source)}:${id}`), ...ids.map((id) => `shakemap:${id}`)];
}

// GDACS keys name the event type, as its other events' keys do (gdacs-hazard.ts).
const prefix = (source: EstimateSource): string => (source === 'gdacs' ? 'gdacs:EQ' : 'usgs');

/**
 * An earthquake feed entry as an actual event at once: MMI at each school estimated from the epicentre,
 * magnitude and depth with the intensity prediction equation the scenarios use (Atkinson, Worden & Wald 2014),
 * marked estimated. A later entry of the same earthquake (a newer `updated`, a revised magnitude) updates it;
 * its ShakeMap, or a CAP alert for it, replaces it (see match-estimate.ts).
 */
export function estimateHazard(q: EarthquakeEntry, source: EstimateSource): ParsedHazard {
  const base = scenarioHazard({ lon: q.lon, lat: q.lat, depthKm: q.depthKm, magnitude: q.magnitude });
  const family = estimateFamilyKeys(source, q.ids);
  const magnitude = Math.round(q.magnitude * 10) / 10;
  return {
    ...base,
    kind: 'estimate',
    estimated: true,
    title: q.place ? `M ${magnitude.toFixed(1)} – ${q.place}` : q.title,
    status: 'actual',
    onset: new Date(q.time),
    // One delivery per revision of the entry: the same revision polled again is a duplicate.
    sourceKey: `${prefix(source)}:${q.sourceId}:${q.updated}`,
    // Its own earlier revisions, and an event the ShakeMap already made (which an estimate never overwrites).
    updates: family,
    familyKeys: family,
    details: {
      estimated: true,
      source,
      eventId: q.sourceId,
      ids: q.ids,
      magnitude: q.magnitude,
      depthKm: q.depthKm,
      epicentre: { lon: q.lon, lat: q.lat },
      time: q.time,
      updated: q.updated,
      place: q.place,
      url: q.url ?? null,
      reviewStatus: q.status,
      model: 'Atkinson, Worden & Wald (2014) intensity prediction equation',
    },
    warnings: [
      {
        code: 'EVENT_ESTIMATED',
        message: `Intensities are estimated from the magnitude (${magnitude.toFixed(1)}), depth (${q.depthKm} km) and epicentre; the ShakeMap will replace them when it arrives.`,
      },
    ],
  };
}
