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
    countryCode: z.string().nullable(),
    ruralUrban: z.enum(['rural', 'urban']).nullable(),
    village: z.string().nullable(),
    teachersFemale: z.number().int().nullable(),
    teachersMale: z.number().int().nullable(),
    classrooms: z.number().int().nullable(),
    /** Main building's structural typology (GEM taxonomy string or the registry's own words). */
    typology: z.string().nullable(),
    /** How the school's admin area was found: from its point, from its declared codes, or both disagreeing. */
    placement: z.enum(['matched', 'located_only', 'declared_only', 'conflict', 'unplaced']),
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
