import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from './app-under-test.js';
import { signIn } from './sign-in.js';
import { ADMIN } from './server.js';

/**
 * Issue 5's "done when" in Chromium: events made through the web app from the NYC ShakeMap scenario grid, the
 * Fani track and a CAP polygon alert each show the schools they should on the event page, in the table and
 * drawn on the map. The server starts without demo data; the schools are imported through the API first, some
 * inside each hazard and one well outside it.
 */
const shared = (path: string) => fileURLToPath(new URL(`../../../shared/data/${path}`, import.meta.url));

const INDIA_SCHOOLS = [
  'code,name,lat,lon,girls,boys',
  '21180100101,Puri Town Girls High School,19.81,85.83,310,0',
  '21150200202,Bhubaneswar Unit 9 School,20.30,85.82,140,150',
  '07010100101,Delhi Cantonment School,28.60,77.20,200,210',
].join('\n');

const US_SCHOOLS = [
  'code,name,lat,lon,girls,boys',
  'NY-0001,Staten Island Harbor School,40.56,-74.04,180,175',
  'NY-0002,Lower Manhattan Academy,40.71,-74.00,220,230',
  'MA-0001,Boston Commons School,42.36,-71.06,150,150',
  'CA-0001,Pinecrest Mountain School,38.48,-119.93,40,35',
  'CA-0002,San Francisco Bay School,37.77,-122.42,300,310',
].join('\n');

const app = useServerAndBrowser({ DEMO_DATA: 'false' });

/** Imports a school CSV through the API, in the signed-in page (cookie and CSRF token), and waits for it. */
async function importSchools(
  page: Page,
  csv: string,
  countryCode: string,
  codeSystem: string,
): Promise<{ status: string; counts: { created: number } }> {
  const id = await page.evaluate(
    async ({ csv, options }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const form = new FormData();
      form.append('kind', 'schools');
      form.append('dryRun', 'false');
      form.append('options', JSON.stringify(options));
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'schools.csv');
      const r = await fetch('/api/v1/imports', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken }, body: form });
      return ((await r.json()) as { id: string }).id;
    },
    { csv, options: { countryCode, codeSystem } },
  );
  const read = () =>
    page.evaluate(
      (importId) =>
        fetch(`/api/v1/imports/${importId}`).then((r) => r.json() as Promise<{ status: string; counts: { created: number } }>),
      id,
    );
  await expect
    .poll(async () => (await read()).status, {
      timeout: 120_000,
      interval: 500,
      message: 'the school import did not finish in time',
    })
    .toMatch(/^(completed|rejected|failed)$/);
  return read();
}

/** Adds an event from a hazard file through the events page and waits for its page. */
async function addEvent(page: Page, file: string): Promise<void> {
  await page.goto(`${app.server.url}/events`);
  const form = page.getByRole('form', { name: 'From a hazard file' });
  await form.getByLabel('Hazard file').setInputFiles(file);
  await form.getByRole('button', { name: 'Add the event' }).click();
  await page.waitForURL(/\/events\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await page.getByRole('heading', { name: 'Affected schools' }).waitFor();
}

/** School codes in the affected-schools table, after every page of it has been loaded. */
async function affectedCodes(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: /affected schools?, strongest first/ });
  await table.waitFor({ timeout: 30_000 });
  const cells = table.locator('tbody tr td:nth-of-type(1)');
  const more = page.getByRole('button', { name: 'Load more' });
  while (await more.isVisible()) {
    const shown = await cells.count();
    await more.click();
    await expect.poll(() => cells.count(), { timeout: 30_000 }).toBeGreaterThan(shown);
  }
  const codes = await cells.allTextContents();
  return codes.sort();
}

/** Waits until the map has gone idle with its schools drawn, and returns how many distinct schools it drew. */
async function schoolsOnMap(page: Page, expected: number): Promise<number> {
  const map = page.getByTestId('hazard-map');
  await expect.poll(() => map.getAttribute('data-rendered-schools'), { timeout: 60_000 }).toBe(String(expected));
  expect(await map.getAttribute('data-state')).toBe('loaded');
  expect(await map.locator('canvas.maplibregl-canvas').count()).toBe(1);
  return Number(await map.getAttribute('data-rendered-schools'));
}

describe('hazard events in the web app', () => {
  it('shows the right schools for a ShakeMap scenario, a cyclone track and a CAP polygon alert', async () => {
    const page = await app.browser.context.newPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    expect(await importSchools(page, INDIA_SCHOOLS, 'IN', 'udise')).toMatchObject({
      status: 'completed',
      counts: { created: 3 },
    });
    expect(await importSchools(page, US_SCHOOLS, 'US', 'nces')).toMatchObject({ status: 'completed', counts: { created: 5 } });

    await addEvent(page, shared('shakemap/m5.8.nyc.scenario.grid.xml'));
    await page.getByRole('heading', { level: 1, name: /Manhattan/ }).waitFor();
    expect(await affectedCodes(page)).toEqual(['NY-0001', 'NY-0002']);
    await schoolsOnMap(page, 2);
    await page.locator('.map').screenshot({ path: '/tmp/safeschools-e2e-event-nyc.png' });

    await addEvent(page, shared('cyclone/DERIVED_fani_2019_imd_track.geojson'));
    await page.getByRole('heading', { level: 1, name: /FANI/i }).waitFor();
    expect(await affectedCodes(page)).toEqual(['21150200202', '21180100101']);
    await schoolsOnMap(page, 2);
    await page.locator('.map').screenshot({ path: '/tmp/safeschools-e2e-event-fani.png' });
    await page.screenshot({ path: '/tmp/safeschools-e2e-event-fani-page.png', fullPage: true });

    await addEvent(page, shared('cap/oasis/oasis_cap12_example2.xml'));
    await page.getByRole('heading', { level: 1, name: /THUNDERSTORM/i }).waitFor();
    expect(await affectedCodes(page)).toEqual(['CA-0001']);
    await schoolsOnMap(page, 1);
    await page.locator('.map').screenshot({ path: '/tmp/safeschools-e2e-event-cap.png' });

    await page.goto(`${app.server.url}/events`);
    const rows = page.getByRole('table', { name: /events?$/ }).locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    await page.close();
  });
});
