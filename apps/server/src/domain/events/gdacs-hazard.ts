import type { CapFeedEntry, EarthquakeEntry, GdacsFields } from '@safeschools/geo';
import { estimateHazard } from './estimate-hazard.js';
import { bboxOf, circleRing } from './hazard-display.js';
import type { ParsedHazard } from './parsed-hazard.js';

/**
 * Radius of the circle an approximate GDACS event covers, by alert level. GDACS publishes a point and an alert
 * level in its RSS, not an area; its own reports state exposure as "population within 100 km" of the point.
 * These radii are this application's choice around that figure (half of it for Green, twice it for Red), so that
 * a stronger alert reaches more schools; the event is marked EVENT_APPROXIMATE and its real area replaces it when
 * the CAP message can be read.
 */
export const GDACS_RADIUS_KM = { green: 50, orange: 100, red: 200 } as const;

const HAZARD_TYPES: Record<string, string> = {
  EQ: 'earthquake',
  TC: 'cyclone',
  FL: 'flood',
  VO: 'volcano',
  DR: 'drought',
  WF: 'wildfire',
  TS: 'tsunami',
};

// GDACS's own CAP messages give Green alerts severity Minor (see its feed); Orange and Red follow in order.
const SEVERITY: Record<string, string> = { green: 'Minor', orange: 'Moderate', red: 'Severe' };

const dateOrNull = (text: string | undefined): Date | null => {
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
};

/** The family key of a GDACS event: every episode, its CAP and its approximate event share it. */
export const gdacsFamilyKey = (g: GdacsFields): string | null => (g.eventType && g.eventId ? `gdacs:${g.eventType.toUpperCase()}:${g.eventId}` : null);

/** A GDACS earthquake item as an earthquake entry, when it gives a point and a magnitude. */
export function gdacsEarthquake(entry: CapFeedEntry): EarthquakeEntry | null {
  const g = entry.gdacs;
  if (!g || g.eventType?.toUpperCase() !== 'EQ' || !g.point || g.magnitude === undefined || !g.eventId) return null;
  const time = dateOrNull(g.fromDate) ?? dateOrNull(entry.updated);
  if (!time) return null;
  return {
    sourceId: g.eventId,
    ids: [g.eventId],
    magnitude: g.magnitude,
    // GDACS gives depth in its severity text; without it, a shallow 10 km (the depth catalogues assign by default).
    depthKm: g.depthKm ?? 10,
    lat: g.point.lat,
    lon: g.point.lon,
    time: time.toISOString(),
    // A new episode of the event is a new revision of the entry.
    updated: entry.updated || time.toISOString(),
    place: g.country ?? '',
    title: entry.title,
    ...(entry.link ? { url: entry.link } : {}),
    status: 'automatic',
  };
}

/**
 * A GDACS item as an event from its own fields, when its CAP message cannot be had: an earthquake as an estimate,
 * anything else as a circle around its point sized by the alert level, marked approximate. Null when the item
 * has no point (nothing can be placed).
 */
export function gdacsApproximateHazard(entry: CapFeedEntry, why: string): ParsedHazard | null {
  const g = entry.gdacs;
  if (!g?.point) return null;
  const family = gdacsFamilyKey(g);
  const quake = gdacsEarthquake(entry);
  if (quake) {
    const parsed = estimateHazard(quake, 'gdacs');
    return {
      ...parsed,
      details: { ...parsed.details, alertLevel: g.alertLevel ?? null, capUnavailable: why },
      warnings: [...parsed.warnings, { code: 'FEED_CAP_UNAVAILABLE', message: `GDACS's CAP message could not be read (${why}); the event was made from the feed entry.` }],
    };
  }
  const level = (g.alertLevel ?? '').toLowerCase();
  const radiusKm: number = level in GDACS_RADIUS_KM ? GDACS_RADIUS_KM[level as keyof typeof GDACS_RADIUS_KM] : GDACS_RADIUS_KM.green;
  const { lon, lat } = g.point;
  const features = [
    { type: 'Feature' as const, geometry: { type: 'Polygon', coordinates: [circleRing(lon, lat, radiusKm)] }, properties: { role: 'circle', radiusKm, approximate: true } },
    { type: 'Feature' as const, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { role: 'point' } },
  ];
  const bbox = bboxOf(features);
  const key = family ?? `gdacs:item:${entry.id || entry.link || entry.title}`;
  return {
    kind: 'footprint',
    title: entry.title || `GDACS ${g.eventType ?? ''} ${g.eventId ?? ''}`.trim(),
    status: 'actual',
    hazardType: HAZARD_TYPES[(g.eventType ?? '').toUpperCase()] ?? (g.eventType?.toLowerCase() || null),
    severity: SEVERITY[level] ?? null,
    urgency: null,
    certainty: null,
    onset: dateOrNull(g.fromDate) ?? dateOrNull(entry.updated),
    expires: dateOrNull(g.toDate),
    sourceKey: `${key}:approximate:${g.episodeId ?? entry.id}`,
    updates: family ? [family] : [],
    familyKeys: family ? [family] : [],
    cancels: false,
    hazard: { kind: 'circles', circles: [{ lon, lat, radiusKm }], imt: 'INSIDE', minRadiusKm: 1 },
    geocodes: [],
    seismic: false,
    details: {
      approximate: true,
      source: 'gdacs',
      eventType: g.eventType ?? null,
      eventId: g.eventId ?? null,
      episodeId: g.episodeId ?? null,
      alertLevel: g.alertLevel ?? null,
      severity: g.severity ?? null,
      country: g.country ?? null,
      point: { lon, lat },
      radiusKm,
      link: entry.link ?? null,
      capUnavailable: why,
    },
    display: { type: 'FeatureCollection', features, ...(bbox ? { bbox } : {}) },
    warnings: [
      {
        code: 'EVENT_APPROXIMATE',
        message: `GDACS's CAP message could not be read (${why}); the area is a circle of ${radiusKm} km around the reported point, from the ${g.alertLevel ?? 'unknown'} alert level.`,
      },
    ],
  };
}
