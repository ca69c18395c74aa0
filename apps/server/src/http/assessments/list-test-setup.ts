import { expect } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import type { Caller, TestApp } from '../../testing/test-app.js';

/**
 * The places the list tests of assessments and inspections share: a Gangtok district officer who sees GSSS
 * Rumtek (in the Gangtok East block) and GPS Ranka (in the district itself) but not GHSS Kochi in Ernakulam.
 */
export async function buildListPlaces(t: TestApp) {
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  const east = await buildArea(t.database, { name: 'Gangtok East', level: 'block', parent: gangtok });
  const ernakulam = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: india });
  return {
    eastId: east.id,
    rumtek: await buildSchool(t.database, { area: east, name: 'GSSS Rumtek' }),
    ranka: await buildSchool(t.database, { area: gangtok, name: 'GPS Ranka' }),
    kochi: await buildSchool(t.database, { area: ernakulam, name: 'GHSS Kochi' }),
    admin: await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD),
    officer: await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] })).email, TEST_PASSWORD),
  };
}

export type ListPlaces = Awaited<ReturnType<typeof buildListPlaces>>;

/** Every id of a list read page by page with `limit`, checking no page repeats an id another page gave. */
export async function readAllPages(caller: Caller, path: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let url = `${path}?limit=${limit}`;
  for (;;) {
    const page = (await caller.get(url)).json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((item) => item.id));
    if (!page.nextCursor) break;
    url = `${path}?limit=${limit}&cursor=${page.nextCursor}`;
  }
  expect(new Set(seen).size).toBe(seen.length);
  return seen;
}
