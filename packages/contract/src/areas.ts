import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { ListQuery, pageOf, SyncFields } from './common.js';
import { FigureTotal } from './figure-total.js';

export const AreaLevel = z.enum(['country', 'state', 'district', 'block']);

export const Area = z
  .object({
    ...SyncFields,
    parentId: z.uuid().nullable(),
    level: AreaLevel,
    name: z.string(),
    /** Names in other languages and scripts, keyed by BCP 47 tag. */
    names: z.record(z.string(), z.string()),
    /** Government codes by code system: `lgd`, `census2011`, `udise`, `pcode`, `iso3166`. */
    codes: z.record(z.string(), z.string()),
    validFrom: z.iso.date().nullable(),
    validTo: z.iso.date().nullable(),
  })
  .meta({ id: 'Area' });

export const AreaListQuery = ListQuery.extend({
  level: AreaLevel.optional(),
  parent: z.uuid().optional(),
});

export const listAreas = endpoint({
  id: 'listAreas',
  method: 'GET',
  path: '/api/v1/areas',
  summary: 'Admin areas within one\u2019s scope, by level or parent',
  tag: 'areas',
  query: AreaListQuery,
  response: pageOf(Area),
  auth: 'user',
});

export const AreaRollupItem = z.object({
  areaId: z.uuid(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
  level: AreaLevel,
  codes: z.record(z.string(), z.string()),
  schools: z.number().int(),
  /** Enrolment summed over the area's schools that have it, each saying how many schools it covers. */
  children: FigureTotal,
  girls: FigureTotal,
  boys: FigureTotal,
  /** Simplified GeoJSON geometry when asked for (`geometry=simplified`), for choropleth maps. */
  geometry: z.unknown().nullable(),
});

export const AreaRollupQuery = z.object({
  level: AreaLevel,
  parent: z.uuid().optional(),
  geometry: z.enum(['none', 'simplified']).default('none'),
});

export const areaRollup = endpoint({
  id: 'areaRollup',
  method: 'GET',
  path: '/api/v1/areas/rollup',
  summary: 'Schools and enrolment per area of a level (within one\u2019s scope), optionally with simplified shapes',
  tag: 'areas',
  query: AreaRollupQuery,
  response: z.object({ items: z.array(AreaRollupItem) }),
  auth: 'user',
});
