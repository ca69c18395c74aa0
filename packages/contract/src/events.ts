import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams, ListQuery, pageOf, SyncFields } from './common.js';
import { FigureTotal } from './figure-total.js';

export const EventKind = z.enum(['cap', 'shakemap', 'cyclone', 'footprint', 'scenario', 'estimate']);
export const EventStatus = z.enum(['actual', 'exercise', 'test', 'scenario', 'cancelled']);

export const EventWarning = z.object({ code: z.string(), message: z.string() });

/**
 * Totals over the affected schools (band 1 and above) the caller may see. Children, girls and boys are summed over
 * the affected schools with that enrolment figure and say how many schools have it and how many do not.
 */
export const ImpactTotals = z.object({
  schools: z.number().int(),
  children: FigureTotal,
  girls: FigureTotal,
  boys: FigureTotal,
  /** Expected number of schools in each damage state, `none` first, then one per limit state; empty without fragility. */
  expectedByDamageState: z.array(z.number()),
});

export const HazardEvent = z
  .object({
    ...SyncFields,
    kind: EventKind,
    /** An early earthquake event from a feed: intensities estimated from magnitude and depth until its ShakeMap. */
    estimated: z.boolean(),
    title: z.string(),
    status: EventStatus,
    hazardType: z.string().nullable(),
    severity: z.string().nullable(),
    urgency: z.string().nullable(),
    certainty: z.string().nullable(),
    onset: z.iso.datetime().nullable(),
    expires: z.iso.datetime().nullable(),
    /** The intensity measure schools are banded by: MMI, PGA (g), WIND (m/s) or INSIDE (1 inside a footprint). */
    imt: z.string(),
    /** Ascending thresholds; a school's band is how many it reaches. */
    bands: z.array(z.number()),
    /** Damage states after `none`, e.g. slight, moderate, extensive, complete. */
    limitStates: z.array(z.string()),
    details: z.record(z.string(), z.unknown()),
    totals: ImpactTotals,
    warnings: z.array(EventWarning),
    fileId: z.uuid().nullable(),
    computedAt: z.iso.datetime(),
  })
  .meta({ id: 'HazardEvent' });

export const ScenarioInput = z
  .object({
    kind: z.literal('scenario'),
    title: z.string().trim().min(1).max(200).optional(),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    depthKm: z.number().min(0).max(700),
    magnitude: z.number().min(3).max(9.6),
  })
  .meta({ id: 'ScenarioInput' });

export const AffectedSchool = z.object({
  schoolId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  districtId: z.uuid().nullable(),
  intensity: z.number(),
  band: z.number().int(),
  /** The school's enrolment; null when the registry has none (unknown, not 0). */
  girls: z.number().int().nullable(),
  boys: z.number().int().nullable(),
  children: z.number().int().nullable(),
  /** P(damage state ≥ limit state), keyed by limit state; empty when not assessed. */
  damage: z.record(z.string(), z.number()),
});

export const AreaImpact = z.object({
  areaId: z.uuid().nullable(),
  name: z.string().nullable(),
  code: z.string().nullable(),
  schools: z.number().int(),
  children: FigureTotal,
  girls: FigureTotal,
  boys: FigureTotal,
  maxIntensity: z.number(),
  expectedByDamageState: z.array(z.number()),
});

export const EventImpact = z
  .object({
    event: HazardEvent,
    totals: ImpactTotals,
    /** By district, most children first (districts with no known enrolment last); `areaId` null collects schools outside any district. */
    areas: z.array(AreaImpact),
    schools: z.object({ items: z.array(AffectedSchool), nextCursor: z.string().nullable() }),
  })
  .meta({ id: 'EventImpact' });

export const EventImpactQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  area: z.uuid().optional(),
  minBand: z.coerce.number().int().min(1).max(10).optional(),
});

export const EventSchoolsExportQuery = z.object({
  format: z.enum(['csv', 'hxl', 'geojson']).default('csv'),
  area: z.uuid().optional(),
});

export const EventListQuery = ListQuery.extend({
  kind: EventKind.optional(),
  status: EventStatus.optional(),
});

/**
 * Multipart with a hazard `file` (CAP alert, CAP/GDACS feed, ShakeMap grid.xml or .zip, cyclone track CSV or
 * GeoJSON, GeoJSON footprint) and optional `title`, `track` (a storm id or name in a multi-storm CSV),
 * `intensityProperty`; or JSON `ScenarioInput`. The same alert sent twice is one event (200); a CAP
 * Update/Cancel or a newer ShakeMap changes its event in place.
 */
export const createEvent = endpoint({
  id: 'createEvent',
  method: 'POST',
  path: '/api/v1/events',
  summary: 'Make an event from a hazard file or a scenario and compute its impact on schools',
  tag: 'events',
  response: HazardEvent,
  successStatus: 201,
  auth: 'user',
});

export const listEvents = endpoint({
  id: 'listEvents',
  method: 'GET',
  path: '/api/v1/events',
  summary: 'Hazard events, newest first, with totals within your scope',
  tag: 'events',
  query: EventListQuery,
  response: pageOf(HazardEvent),
  auth: 'user',
});

export const getEvent = endpoint({
  id: 'getEvent',
  method: 'GET',
  path: '/api/v1/events/:id',
  summary: 'One hazard event with its display geometry and totals within your scope',
  tag: 'events',
  params: IdParams,
  response: HazardEvent.extend({ display: z.record(z.string(), z.unknown()) }),
  auth: 'user',
});

export const getEventImpact = endpoint({
  id: 'getEventImpact',
  method: 'GET',
  path: '/api/v1/events/:id/impact',
  summary: 'Totals, districts and affected schools (paged, strongest first) of an event within your scope',
  tag: 'events',
  params: IdParams,
  query: EventImpactQuery,
  response: EventImpact,
  auth: 'user',
});

export const exportEventSchools = endpoint({
  id: 'exportEventSchools',
  method: 'GET',
  path: '/api/v1/events/:id/schools',
  summary: 'Affected schools of an event within your scope as CSV, CSV with HXL hashtags, or GeoJSON',
  tag: 'events',
  params: IdParams,
  query: EventSchoolsExportQuery,
  response: z.unknown(),
  auth: 'user',
});
