import { cycloneWindGrid, type CycloneTrack } from '@safeschools/geo';
import { bboxOf, gridCells } from './hazard-display.js';
import type { HazardFileOptions } from './read-hazard-file.js';
import type { GeoJsonFeature, ParsedHazard } from './parsed-hazard.js';

// The swath is drawn from the IMD "cyclonic storm" threshold of 34 kt (17.5 m/s) up.
const SWATH_MIN_MS = 17.5;

/** A best track as a cyclone event; the same storm sent again with more points updates its event. */
export function cycloneHazard(track: CycloneTrack, options: HazardFileOptions): ParsedHazard {
  const pts = track.points;
  const swath = cycloneWindGrid(track, 0.1);
  const features: GeoJsonFeature[] = [
    ...gridCells(swath.spec, swath.fields.WIND, SWATH_MIN_MS),
    { type: 'Feature', geometry: { type: 'LineString', coordinates: pts.map((p) => [p.lon, p.lat]) }, properties: { role: 'track' } },
    ...pts.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { role: 'trackPoint', windMs: Math.round(p.windMs * 10) / 10, time: new Date(p.time).toISOString(), ...(p.category ? { category: p.category } : {}) },
    })),
  ];
  const first = pts[0];
  const last = pts[pts.length - 1];
  const family = `cyclone:${track.id}`;
  const peak = Math.max(...pts.map((p) => p.windMs));
  const bbox = bboxOf(features);
  return {
    kind: 'cyclone',
    title: options.title ?? `Cyclone ${track.name ?? track.id}`,
    status: 'actual',
    hazardType: 'cyclone',
    severity: null,
    urgency: null,
    certainty: null,
    onset: first ? new Date(first.time) : null,
    expires: last ? new Date(last.time) : null,
    sourceKey: `${family}:${pts.length}:${last?.time ?? 0}`,
    updates: [family],
    familyKeys: [family],
    cancels: false,
    hazard: { kind: 'cyclone', track },
    geocodes: [],
    seismic: false,
    details: { trackId: track.id, name: track.name ?? null, points: pts.length, peakWindMs: Math.round(peak * 10) / 10 },
    display: { type: 'FeatureCollection', features, ...(bbox ? { bbox } : {}) },
    warnings: track.warnings,
  };
}
