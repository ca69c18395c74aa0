import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from './app-under-test.js';
import { calendarDay } from './calendar-day.js';
import { catalogue } from './catalogue.js';
import { firstDemoSchool, type DemoSchool } from './demo-school.js';
import { acceptInvitation, invite } from './invitations.js';
import { signIn } from './sign-in.js';
import { ADMIN } from './server.js';

/**
 * A focal point records drills where the connection fails: once with the browser offline (the drill waits on the
 * device, shown as waiting, and is sent when the browser is back online), and once when the post reaches the
 * server but its answer is lost (the drill is kept and sent again by itself with the same Idempotency-Key).
 * Each time the server ends up with the drill exactly once.
 */
const en = catalogue('en');
const LONG = { timeout: 60_000 };
const DRILLS = /\/api\/v1\/schools\/[0-9a-f-]{36}\/drills$/;
const FOCAL = { email: 'offline.focal@example.org', password: 'no signal in the school yard' };

let school: DemoSchool;

const app = useServerAndBrowser();

beforeAll(async () => {
  const page = await app.browser.context.newPage();
  await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
  school = await firstDemoSchool(page);
  const focalPath = await invite(page, FOCAL.email, 'school_focal_point', { schoolIds: [school.id] });
  await acceptInvitation(page, app.server.url, focalPath, 'Offline Focal', FOCAL.password);
  await page.close();
}, 180_000);
/** The drills the server holds for the school with this scenario, asked through the API in the signed-in page. */
async function drillsOnServer(page: Page, scenario: string): Promise<number> {
  const list = await page.evaluate(
    (id) => fetch(`/api/v1/schools/${id}/drills`).then((r) => r.json() as Promise<{ items: { scenario: string }[] }>),
    school.id,
  );
  return list.items.filter((d) => d.scenario === scenario).length;
}

/** Signs the focal point in and opens the school's drills page with its form. */
async function openDrills(page: Page): Promise<void> {
  await signIn(page, app.server.url, FOCAL.email, FOCAL.password);
  await page.goto(`${app.server.url}/schools/${school.id}/drills`);
  await page.getByRole('heading', { level: 1, name: en('drills.title') }).waitFor(LONG);
  await page.getByRole('form', { name: en('drills.form.title') }).waitFor(LONG);
}

/** Fills the drill form with a scenario and counts, and presses the button to record it. */
async function recordDrill(page: Page, scenario: string): Promise<void> {
  const form = page.getByRole('form', { name: en('drills.form.title') });
  await form.getByLabel(en('drills.form.startedAt'), { exact: true }).fill(`${calendarDay(-1)}T09:15`);
  await form.getByLabel(en('drills.form.scenario'), { exact: true }).fill(scenario);
  const counts = { girls: '120', boys: '110', otherChildren: '0', childrenWithSpecialNeeds: '2', teachers: '9', staff: '3' };
  for (const [field, value] of Object.entries(counts))
    await form.getByLabel(en(`drills.form.counts.${field}`), { exact: true }).fill(value);
  await form.getByLabel(en('drills.form.timeFields.classroomsOutSeconds'), { exact: true }).fill('50');
  await form.getByRole('button', { name: en('drills.form.submit'), exact: true }).click();
}

describe('recording a drill without a connection', () => {
  it('keeps the drill on the device while offline and sends it once when the browser is back online', async () => {
    const page = await app.browser.context.newPage();
    await openDrills(page);

    const scenario = 'Earthquake during assembly, no signal';
    const posts: string[] = [];
    page.on('request', (r) => {
      if (DRILLS.test(r.url()) && r.method() === 'POST') posts.push(r.headers()['idempotency-key'] ?? '');
    });
    await app.browser.context.setOffline(true);
    await page.getByText(en('offline.banner')).waitFor(LONG);
    await recordDrill(page, scenario);

    // The drill waits on the device: the form says so, and the page lists it as waiting, not as recorded.
    await page.getByText(en('offline.queued')).waitFor(LONG);
    const waiting = page.getByRole('region', { name: en('offline.pendingBadge') });
    await waiting.getByRole('article').filter({ hasText: scenario }).waitFor(LONG);
    await page.getByText(en('offline.outbox.summary_one', { count: 1 })).waitFor(LONG);
    const recorded = page.getByRole('region', { name: en('drills.listTitle') });
    expect(await recorded.getByRole('article').filter({ hasText: scenario }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/safeschools-e2e-offline-drill-waiting.png', fullPage: true });

    // Back online, the outbox sends it by itself; the page then shows it as recorded and nothing waits any more.
    const sent = page.waitForResponse((r) => DRILLS.test(r.url()) && r.request().method() === 'POST' && r.status() === 201, LONG);
    await app.browser.context.setOffline(false);
    await sent;
    await recorded.getByRole('article').filter({ hasText: scenario }).waitFor(LONG);
    await waiting.waitFor({ state: 'detached', ...LONG });
    await page.getByText(en('offline.outbox.summary_one', { count: 1 })).waitFor({ state: 'detached', ...LONG });
    expect(await drillsOnServer(page, scenario)).toBe(1);
    // Every try carried the same key, so a try that did reach the server could not have recorded it twice.
    expect(posts.length).toBeGreaterThan(0);
    expect(new Set(posts).size).toBe(1);
    await page.screenshot({ path: '/tmp/safeschools-e2e-offline-drill-sent.png', fullPage: true });
    await page.close();
  });

  it('sends a drill again by itself when the answer was lost, and the server still holds it once', async () => {
    const page = await app.browser.context.newPage();
    await openDrills(page);

    // The first post reaches the server, which records the drill, but the connection drops before the answer
    // arrives; the browser never says it is offline. Later posts go through untouched.
    const scenario = 'Fire drill, answer lost on the way back';
    const firstAnswers: number[] = [];
    await page.route(DRILLS, async (route) => {
      if (route.request().method() !== 'POST' || firstAnswers.length > 0) return route.fallback();
      firstAnswers.push((await route.fetch()).status());
      await route.abort('connectionreset');
    });
    const replayed = page.waitForResponse(
      (r) => DRILLS.test(r.url()) && r.request().method() === 'POST' && r.headers()['idempotent-replayed'] === 'true',
      LONG,
    );
    await recordDrill(page, scenario);
    await page.getByText(en('offline.queued')).waitFor(LONG);

    // Nobody goes offline or presses anything: the outbox tries again later with the same Idempotency-Key, and
    // the server answers with the drill it already holds instead of recording it again.
    expect((await replayed).status()).toBe(201);
    expect(firstAnswers).toEqual([201]);
    const recorded = page.getByRole('region', { name: en('drills.listTitle') });
    await recorded.getByRole('article').filter({ hasText: scenario }).waitFor(LONG);
    await page.getByText(en('offline.outbox.summary_one', { count: 1 })).waitFor({ state: 'detached', ...LONG });
    expect(await drillsOnServer(page, scenario)).toBe(1);
    expect(await recorded.getByRole('article').filter({ hasText: scenario }).count()).toBe(1);
    await page.close();
  });
});
