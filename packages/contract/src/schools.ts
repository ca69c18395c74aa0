import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams, ListQuery, pageOf, SyncFields } from './common.js';

export const School = z
  .object({
    ...SyncFields,
    /** Government code (UDISE+ in India), kept as text so leading zeros survive. */
    code: z.string().nullable(),
    codeSystem: z.string().nullable(),
    name: z.string(),
    names: z.record(z.string(), z.string()),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    areaId: z.uuid().nullable(),
    educationLevel: z.string().nullable(),
    management: z.string().nullable(),
    enrolmentGirls: z.number().int().nullable(),
    enrolmentBoys: z.number().int().nullable(),
    enrolmentTotal: z.number().int().nullable(),
  })
  .meta({ id: 'School' });

export const SchoolListQuery = ListQuery.extend({
  q: z.string().max(200).optional(),
  area: z.uuid().optional(),
});

export const listSchools = endpoint({
  id: 'listSchools',
  method: 'GET',
  path: '/api/v1/schools',
  summary: 'Schools within one\u2019s scope',
  tag: 'schools',
  query: SchoolListQuery,
  response: pageOf(School),
  auth: 'user',
});
export const getSchool = endpoint({
  id: 'getSchool',
  method: 'GET',
  path: '/api/v1/schools/:id',
  summary: 'One school',
  tag: 'schools',
  params: IdParams,
  response: School,
  auth: 'user',
});
