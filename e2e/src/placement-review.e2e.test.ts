import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useServerAndBrowser } from './app-under-test.js';
import { catalogue } from './catalogue.js';
import { importThroughWizard } from './import-wizard.js';
import { waitForMapColours } from './map-pixels.js';
import { signIn } from './sign-in.js';
import { ADMIN } from './server.js';

/**
 * Issue 3's placement review and areas pages in Chromium. The all-India districts and the LGD crosswalk go in
 * through the wizard, then a small school file built from real South Sikkim (LGD 227) rows of the UDISE+ extract:
 * four points moved to Gangtok in East Sikkim, one row without coordinates and one with a district code no
 * registry has. Each review is then decided through the page, and the areas page is browsed down to the district.
 */
const shared = (path: string) => fileURLToPath(new URL(`../../../shared/data/${path}`, import.meta.url));
const en = catalogue('en');
const hi = catalogue('hi');
const LONG = { timeout: 60_000 };
/** Gangtok, the seat of East Sikkim: a point in the neighbouring district of South Sikkim. */
const GANGTOK = { lon: 88.6138, lat: 27.3314 };

interface SourceSchool {
  code: string;
  name: string;
  lon: number;
  lat: number;
}

/** The first South Sikkim rows of the extract whose declared district (LGD 227) is where their point was read. */
function southSikkimSchools(count: number): SourceSchool[] {
  const file = shared('schools/udise-sikkim/ud_dt_n_1103_page_01.geojson');
  const collection = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { schcd: string; schname: string; longitude: number; latitude: number; dist_lgd: number } }[];
  };
  return collection.features
    .map((feature) => feature.properties)
    .filter((p) => p.dist_lgd === 227)
    .slice(0, count)
    .map((p) => ({ code: p.schcd, name: p.schname, lon: p.longitude, lat: p.latitude }));
}

const schools = southSikkimSchools(6);
const [keepsFound, takesDeclared, pointCorrected, noPoint, unknownCode, inHindi] = schools as [
  SourceSchool,
  SourceSchool,
  SourceSchool,
  SourceSchool,
  SourceSchool,
  SourceSchool,
];

function schoolFile(): { name: string; mimeType: string; buffer: Buffer } {
  const row = (s: SourceSchool, lon: number | '', lat: number | '', lgd: string) =>
    [s.code, `"${s.name}"`, lat, lon, lgd].join(',');
  const lines = [
    'schcd,schname,latitude,longitude,dist_lgd',
    ...[keepsFound, takesDeclared, pointCorrected, inHindi].map((s) => row(s, GANGTOK.lon, GANGTOK.lat, '227')),
    row(noPoint, '', '', '227'),
    row(unknownCode, unknownCode.lon, unknownCode.lat, '999'),
  ];
  return { name: 'south-sikkim-reviews.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) };
}

interface WireReview {
  id: string;
  version: number;
  kind: string;
  status: string;
  school: {
    id: string;
    code: string;
    name: string;
    placement: string;
    lon: number | null;
    lat: number | null;
    area: { id: string; name: string } | null;
  } | null;
  resolution: { action: string; comment: string | null } | null;
}
interface RollupArea {
  areaId: string;
  name: string;
  codes: Record<string, string>;
  schools: number;
}

const getJson = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate((url) => fetch(url).then((r) => r.json()), path) as Promise<T>;

async function reviewsOf(page: Page, importId: string): Promise<Map<string, WireReview[]>> {
  const all = [];
  for (const status of ['open', 'resolved', 'dismissed']) {
    const page_ = await getJson<{ items: WireReview[] }>(page, `/api/v1/reviews?limit=100&status=${status}&import=${importId}`);
    all.push(...page_.items);
  }
  const byCode = new Map<string, WireReview[]>();
  for (const review of all) byCode.set(review.school!.code, [...(byCode.get(review.school!.code) ?? []), review]);
  return byCode;
}

/** The server's copy of a school's review; read after the page showed the answer, so it is already stored. */
async function serverReview(page: Page, importId: string, code: string, status: string): Promise<WireReview> {
  const found = (await reviewsOf(page, importId)).get(code)?.find((r) => r.status === status);
  expect(found, `a ${status} review for ${code}`).toBeDefined();
  return found!;
}

const card = (page: Page, school: SourceSchool): Locator =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { name: school.name }) });

/** The card's "Placed in now" value. */
const placedIn = (review: Locator): Promise<string | null> =>
  review
    .locator('dl > div')
    .filter({ has: review.page().getByText(en('reviews.placedIn'), { exact: true }) })
    .locator('dd')
    .textContent();

let page: Page;
let importId = '';
let south: RollupArea;
let east: RollupArea;

const app = useServerAndBrowser({ DEMO_DATA: 'false' });

beforeAll(async () => {
  page = await app.browser.context.newPage();
});
describe('placement review', () => {
  it('imports districts and a school file, and links from the import result to its reviews', async () => {
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await importThroughWizard(page, app.server.url, 'boundaries', shared('boundaries/udit001_india_districts_states.topo.json'));
    await importThroughWizard(page, app.server.url, 'crosswalk', shared('boundaries/lgd_districts.csv'));
    await importThroughWizard(page, app.server.url, 'schools', schoolFile());
    const link = page.getByRole('link', { name: en('reviews.openFromImport') });
    await link.waitFor(LONG);
    await page.getByText('6 schools need a placement review.').waitFor();
    importId = new URL((await link.getAttribute('href'))!, app.server.url).searchParams.get('import')!;
    expect(importId).not.toBe('');
    await link.click();
    await page.getByRole('heading', { level: 1, name: en('reviews.title') }).waitFor(LONG);
    expect(new URL(page.url()).searchParams.get('import')).toBe(importId);

    const districts = await getJson<{ items: RollupArea[] }>(page, '/api/v1/areas/rollup?level=district');
    south = districts.items.find((a) => a.codes.lgd === '227')!;
    east = districts.items.find((a) => a.codes.lgd === '225')!;
    expect(south).toBeDefined();
    expect(east).toBeDefined();
  });

  it('counts the reviews by kind and lists one card a school', async () => {
    const summary = page.locator(`dl[aria-label="${en('reviews.summary.label')}"]`);
    await summary.waitFor(LONG);
    const countOf = (label: string) =>
      summary
        .locator('div')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('dd');
    expect(await countOf(en('reviews.summary.total')).textContent()).toBe('6');
    expect(await countOf(en('reviews.kinds.outside_declared_area')).textContent()).toBe('4');
    expect(await countOf(en('reviews.kinds.no_location')).textContent()).toBe('1');
    expect(await countOf(en('reviews.kinds.unknown_area_code')).textContent()).toBe('1');
    await card(page, unknownCode).waitFor(LONG);
    expect(await page.getByRole('article').count()).toBe(6);
    const moved = card(page, keepsFound);
    expect(await moved.textContent()).toContain(
      en('reviews.explain.outside_declared_area', { found: east.name, declared: south.name }),
    );
    expect(await card(page, noPoint).textContent()).toContain(en('reviews.noPoint'));
    expect(await card(page, unknownCode).textContent()).toContain(en('reviews.explain.unknown_area_code'));
  });

  it('shows the school and both districts on a MapLibre map', async () => {
    const moved = card(page, keepsFound);
    await moved.getByRole('button', { name: en('reviews.map.show') }).click();
    const canvas = moved.locator('canvas.maplibregl-canvas');
    await canvas.waitFor({ state: 'visible', ...LONG });
    const size = await canvas.boundingBox();
    expect(size!.width).toBeGreaterThan(100);
    expect(size!.height).toBeGreaterThan(100);
    // The school's dot, the solid outline of East Sikkim (where it lies) and the dashed one of South Sikkim.
    const drawn = await waitForMapColours(
      moved.locator('.map'),
      ['#1f3a93', '#0b5d4b', '#b35900'],
      '/tmp/safeschools-e2e-review-map.png',
    );
    expect(drawn.every((pixels) => pixels > 0)).toBe(true);
  });

  it('keeps the found district, takes the declared one, corrects a point and dismisses with a reason', async () => {
    await card(page, keepsFound)
      .getByRole('button', { name: en('reviews.actions.accept_location') })
      .click();
    await card(page, keepsFound).getByText(en('reviews.resolved.accept_location')).waitFor(LONG);
    const kept = await serverReview(page, importId, keepsFound.code, 'resolved');
    expect(kept.school!.area!.id).toBe(east.areaId);
    expect(kept.school!.placement).toBe('located_only');
    expect(await placedIn(card(page, keepsFound))).toBe(east.name);

    await card(page, takesDeclared)
      .getByRole('button', { name: en('reviews.actions.accept_declared') })
      .click();
    await card(page, takesDeclared).getByText(en('reviews.resolved.accept_declared')).waitFor(LONG);
    const declared = await serverReview(page, importId, takesDeclared.code, 'resolved');
    expect(declared.school!.area!.id).toBe(south.areaId);
    expect(declared.school!.placement).toBe('declared_only');
    expect(await placedIn(card(page, takesDeclared))).toBe(south.name);

    const corrected = card(page, pointCorrected);
    await corrected.getByRole('button', { name: en('reviews.actions.move_point') }).click();
    await corrected.getByLabel(en('reviews.actions.lon')).fill(String(pointCorrected.lon));
    await corrected.getByLabel(en('reviews.actions.lat')).fill(String(pointCorrected.lat));
    await corrected.getByRole('button', { name: en('reviews.actions.confirmMove') }).click();
    await corrected.getByText(en('reviews.resolved.move_point')).waitFor(LONG);
    expect(await corrected.getByText(en('reviews.resolved.stillDisagrees')).count()).toBe(0);
    const movedBack = await serverReview(page, importId, pointCorrected.code, 'resolved');
    expect(movedBack.school!.area!.id).toBe(south.areaId);
    expect(movedBack.school!.placement).toBe('matched');
    expect(movedBack.school!.lon).toBeCloseTo(pointCorrected.lon, 5);
    expect(await placedIn(corrected)).toBe(south.name);

    // A reason is required: the form says so and sends nothing.
    const dismissed = card(page, noPoint);
    await dismissed.getByRole('button', { name: en('reviews.actions.dismiss') }).click();
    await dismissed.getByRole('button', { name: en('reviews.actions.confirmDismiss') }).click();
    await dismissed.getByText(en('fieldErrors.required')).waitFor(LONG);
    expect((await reviewsOf(page, importId)).get(noPoint.code)![0]!.status).toBe('open');
    await dismissed.getByLabel(en('reviews.actions.reason')).fill('School closed in 2019; the building is a clinic now');
    await dismissed.getByRole('button', { name: en('reviews.actions.confirmDismiss') }).click();
    await dismissed.getByText(en('reviews.resolved.dismiss')).waitFor(LONG);
    const settled = await serverReview(page, importId, noPoint.code, 'dismissed');
    expect(settled.resolution!.comment).toBe('School closed in 2019; the building is a clinic now');

    const summary = await getJson<{ total: number }>(page, `/api/v1/reviews/summary?import=${importId}`);
    expect(summary.total).toBe(2);
    await page.screenshot({ path: '/tmp/safeschools-e2e-reviews.png', fullPage: true });
  });

  it('refuses a decision on a review someone else settled meanwhile, in words', async () => {
    const [open] = (await reviewsOf(page, importId)).get(unknownCode.code)!;
    const status = await page.evaluate(async (review) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const r = await fetch(`/api/v1/reviews/${review.id}/resolve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken, 'idempotency-key': `e2e-${review.id}` },
        body: JSON.stringify({ version: review.version, action: 'accept_location' }),
      });
      return r.status;
    }, open!);
    expect(status).toBe(200);
    const stale = card(page, unknownCode);
    await stale.getByRole('button', { name: en('reviews.actions.accept_declared') }).click();
    await stale.getByRole('alert').getByText(en('errors.REVIEW_SETTLED')).waitFor(LONG);
    expect(await stale.getByRole('button', { name: en('reviews.actions.accept_location') }).count()).toBe(0);
    // Reloading shows the list as it is now: the review is no longer open, and only one is left to decide.
    await stale.getByRole('button', { name: en('reviews.actions.reload') }).click();
    await stale.waitFor({ state: 'detached', ...LONG });
    const total = page
      .locator(`dl[aria-label="${en('reviews.summary.label')}"] div`)
      .filter({ has: page.getByText(en('reviews.summary.total'), { exact: true }) })
      .locator('dd');
    await total.filter({ hasText: /^1$/ }).waitFor(LONG);
  });

  it('browses the areas from the country to a district and on to its schools', async () => {
    await page.goto(`${app.server.url}/areas`);
    await page.getByRole('heading', { level: 1, name: en('areas.title') }).waitFor(LONG);
    await page.getByRole('link', { name: 'India', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'India' }).waitFor(LONG);
    await page.getByRole('link', { name: 'Sikkim', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sikkim' }).waitFor(LONG);
    const rollup = await getJson<{ items: RollupArea[] }>(page, '/api/v1/areas/rollup?level=district');
    const expected = rollup.items.find((a) => a.areaId === south.areaId)!.schools;
    expect(expected).toBeGreaterThan(0);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: south.name, exact: true }) });
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(String(expected));
    await page.screenshot({ path: '/tmp/safeschools-e2e-areas.png', fullPage: true });
    await row.getByRole('link', { name: south.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: south.name }).waitFor(LONG);
    await page
      .getByRole('link', { name: en('areas.schoolsIn', { name: south.name }) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: en('schools.title') }).waitFor(LONG);
    expect(new URL(page.url()).searchParams.get('area')).toBe(south.areaId);
    await page.getByRole('link', { name: takesDeclared.name }).waitFor(LONG);
    expect(await page.locator('tbody tr').count()).toBe(expected);
    expect(await page.getByRole('link', { name: keepsFound.name }).count()).toBe(0);
  });

  it('shows the page and takes a decision in Hindi', async () => {
    await page.goto(`${app.server.url}/reviews?import=${importId}`);
    const switched = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH', LONG);
    await page.getByLabel('Language', { exact: true }).selectOption('hi');
    expect((await switched).status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: hi('reviews.title') }).waitFor(LONG);
    expect(await page.locator('html').getAttribute('lang')).toBe('hi');
    const last = card(page, inHindi);
    await last.getByRole('button', { name: hi('reviews.actions.accept_location') }).click();
    await last.getByText(hi('reviews.resolved.accept_location')).waitFor(LONG);
    await page.screenshot({ path: '/tmp/safeschools-e2e-reviews-hi.png', fullPage: true });
    const settled = await serverReview(page, importId, inHindi.code, 'resolved');
    expect(settled.school!.area!.id).toBe(east.areaId);
  });
});
