import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { buildArea, buildSchool } from '../../testing/factories.js';
import { listVisibleSchools } from './schools.repository.js';

let database: Database;
let east: { id: string; path: string[] };
const all = { kind: 'all' } as const;

beforeAll(async () => {
  database = await createTestDatabase();
  const country = await buildArea(database, { name: 'India', level: 'country' });
  east = await buildArea(database, { name: 'East', level: 'district', parent: country });
  const west = await buildArea(database, { name: 'West', level: 'district', parent: country });
  await buildSchool(database, { area: east, name: 'Govt Primary School Manipet', code: '11010100101' });
  await buildSchool(database, { area: west, name: 'GPS Manipet West', code: '11020200202' });
  await buildSchool(database, { area: east, name: 'राजकीय प्राथमिक विद्यालय रामपुर', code: '09010100303' });
  await buildSchool(database, { area: east, name: 'Kachchh Model School', code: '24010100404' });
});
afterAll(() => database.close());

const names = async (q: string, scope: Parameters<typeof listVisibleSchools>[1] = all) =>
  (await listVisibleSchools(database.db, scope, { q, limit: 50 })).map((s) => s.name).sort();

it('finds schools by a part of the name in any case, by a misspelt word, in Devanagari, and by the start of a code', async () => {
  expect(await names('manipet')).toEqual(['GPS Manipet West', 'Govt Primary School Manipet']);
  expect(await names('Manipett')).toEqual(['GPS Manipet West', 'Govt Primary School Manipet']);
  expect(await names('Kachch')).toEqual(['Kachchh Model School']);
  expect(await names('रामपुर')).toEqual(['राजकीय प्राथमिक विद्यालय रामपुर']);
  expect(await names('0901')).toEqual(['राजकीय प्राथमिक विद्यालय रामपुर']);
  expect(await names('Qzxv')).toEqual([]);
  expect(await names('50%')).toEqual([]);
});

it('searches only within the caller\'s geography', async () => {
  expect(await names('Manipet', { kind: 'limited', areaIds: [east.id], schoolIds: [] })).toEqual(['Govt Primary School Manipet']);
});

it('offers similar names only when no name contains the text, and keeps to that choice on every page', async () => {
  // "Manipet W" is in one name; a name word merely close to it ("Manipet" of the other school) does not join in.
  expect(await names('Manipet W')).toEqual(['GPS Manipet West']);
  const first = await listVisibleSchools(database.db, all, { q: 'manipet', limit: 1 });
  const second = await listVisibleSchools(database.db, all, { q: 'manipet', limit: 1, afterId: first[0]!.id });
  const third = await listVisibleSchools(database.db, all, { q: 'manipet', limit: 1, afterId: second[0]!.id });
  expect([...first, ...second].map((s) => s.name).sort()).toEqual(['GPS Manipet West', 'Govt Primary School Manipet']);
  expect(third).toEqual([]);
  // Past the last exact match the list ends rather than turning to similar names.
  const fuzzyFirst = await listVisibleSchools(database.db, all, { q: 'Manipett', limit: 1 });
  const fuzzyRest = await listVisibleSchools(database.db, all, { q: 'Manipett', limit: 5, afterId: fuzzyFirst[0]!.id });
  expect([...fuzzyFirst, ...fuzzyRest].map((s) => s.name).sort()).toEqual(['GPS Manipet West', 'Govt Primary School Manipet']);
});
