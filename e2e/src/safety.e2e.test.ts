import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser } from './browser.js';
import { signIn } from './sign-in.js';
import { ADMIN, startBuiltServer, type RunningServer } from './server.js';

/**
 * The school safety journey in Chromium on the demo registry: a school focal point opens their school, fills in
 * the built-in self-assessment through the form and submits it; the report shows a score, a band and ranks. A
 * district officer over the school's district then sees the scored school on the readiness page.
 */
let server: RunningServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await openBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
});

interface School {
  id: string;
  name: string;
}

/** Invites a user through the API in the administrator's page and returns the invitation link's path. */
async function invite(page: Page, email: string, role: string, scope: { areaIds?: string[]; schoolIds?: string[] }): Promise<string> {
  const invited = await page.evaluate(
    async ({ email, role, scope }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const r = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ email, role, scope }),
      });
      return { status: r.status, body: (await r.json()) as { invitationPath?: string } };
    },
    { email, role, scope },
  );
  expect(invited.status).toBe(201);
  return invited.body.invitationPath!;
}

/** Accepts an invitation with a clean cookie jar and waits for the home page. */
async function acceptInvitation(page: Page, path: string, name: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 60_000 });
}

/**
 * Answers every question on screen that has no answer yet: the first option of each radio group, the first box
 * of each checkbox group and a small whole number in each number box. Answers can reveal further questions, so
 * it goes round until a pass changes nothing.
 */
async function answerEverything(page: Page): Promise<number> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Submit' }) });
  let answered = 0;
  for (let pass = 0; pass < 20; pass++) {
    let changed = 0;
    const groups = form.locator('fieldset[data-question]');
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      const radios = group.locator('input[type="radio"]');
      if ((await radios.count()) > 0) {
        if ((await group.locator('input[type="radio"]:checked').count()) === 0) {
          await radios.first().check();
          changed++;
        }
        continue;
      }
      const boxes = group.locator('input[type="checkbox"]');
      if ((await boxes.count()) > 0 && (await group.locator('input[type="checkbox"]:checked').count()) === 0) {
        await boxes.first().check();
        changed++;
      }
    }
    const numbers = form.locator('div.field[data-question] input[type="number"]');
    for (let i = 0; i < (await numbers.count()); i++) {
      const input = numbers.nth(i);
      if ((await input.inputValue()) === '') {
        const min = await input.getAttribute('min');
        await input.fill(String(Math.max(1, Number(min ?? 0))));
        changed++;
      }
    }
    answered += changed;
    if (changed === 0) return answered;
  }
  throw new Error('the form kept showing new questions');
}

describe('school safety', () => {
  it('takes a self-assessment from the school to the report and the readiness page', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server.url, ADMIN.email, ADMIN.password);

    // A district of the demo registry with schools in it, and one of its schools.
    const districts = await page.evaluate(() =>
      fetch('/api/v1/areas/rollup?level=district').then((r) => r.json() as Promise<{ items: { areaId: string; name: string; schools: number }[] }>),
    );
    const district = districts.items.find((a) => a.schools > 0)!;
    expect(district).toBeDefined();
    const found = await page.evaluate(
      (areaId) => fetch(`/api/v1/schools?area=${areaId}`).then((r) => r.json() as Promise<{ items: School[] }>).then((p) => p.items[0]),
      district.areaId,
    );
    expect(found?.id).toBeTruthy();
    const school = found!;

    const focalPath = await invite(page, 'focal.point@example.org', 'school_focal_point', { schoolIds: [school.id] });
    const officerPath = await invite(page, 'district.officer@example.org', 'district_officer', { areaIds: [district.areaId] });

    // The focal point opens the school and starts a self-assessment.
    await acceptInvitation(page, focalPath, 'Focal Point', 'fire drill every term');
    await page.goto(`${server.url}/schools/${school.id}`);
    await page.getByRole('heading', { name: 'Self-assessments' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Start a self-assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: 'School safety self-assessment' }).waitFor();
    await page.getByRole('button', { name: 'Submit' }).waitFor({ timeout: 60_000 });

    expect(await answerEverything(page)).toBeGreaterThan(10);
    const saved = page.waitForResponse((r) => /\/api\/v1\/assessments\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PUT', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Submit' }).click();
    const response = await saved;
    expect(response.status(), await response.text()).toBeLessThan(300);

    // The report: an overall score out of 100, a band and the school's ranks.
    await page.getByRole('heading', { level: 1, name: 'School safety report' }).waitFor({ timeout: 60_000 });
    const overall = page.getByRole('region', { name: 'Overall' });
    const score = overall.locator('dt', { hasText: 'Score (out of 100)' }).locator('xpath=following-sibling::dd[1]');
    expect(Number(await score.textContent())).toBeGreaterThanOrEqual(0);
    expect(Number(await score.textContent())).toBeLessThanOrEqual(100);
    const band = overall.locator('dt', { hasText: 'Band' }).locator('xpath=following-sibling::dd[1]');
    expect(await band.textContent()).toMatch(/^[A-E]$/);
    const ranks = page.getByRole('region', { name: 'Rank' });
    await ranks.waitFor();
    expect(await ranks.locator('dd').allTextContents()).toContain('1st of 1');
    await page.screenshot({ path: '/tmp/safeschools-e2e-safety-report.png', fullPage: true });

    // The district officer sees the district's readiness with the one scored school.
    await acceptInvitation(page, officerPath, 'District Officer', 'monsoon drill every june');
    const readiness = page.waitForResponse((r) => r.url().includes('/api/v1/readiness') && r.request().method() === 'GET', { timeout: 60_000 });
    await page.goto(`${server.url}/readiness`);
    const data = (await (await readiness).json()) as { schools: number; pillarDistribution: Record<string, { buckets: { count: number }[]; unscored: number } | null> };
    expect(data.schools).toBe(district.schools);
    await page.getByRole('heading', { level: 1, name: 'Readiness' }).waitFor();
    const figures = page.getByRole('region', { name: 'Key figures' });
    await figures.waitFor({ timeout: 60_000 });
    const schools = figures.locator('.stat-card', { hasText: 'Schools' }).first().locator('dd.stat-value');
    expect(await schools.textContent()).toBe(String(district.schools));
    const distribution = page.getByRole('region', { name: 'Score distribution by pillar' });
    await distribution.waitFor();
    const histograms = Object.values(data.pillarDistribution).filter((h) => h !== null);
    expect(histograms.length).toBeGreaterThan(0);
    for (const h of histograms) expect(h.buckets.reduce((n, b) => n + b.count, 0)).toBe(1);
    const bars = distribution.locator('figure');
    expect(await bars.count()).toBe(histograms.length);
    const others = district.schools - 1;
    const unscored = `${others} ${others === 1 ? 'school' : 'schools'} without a score`;
    expect(await distribution.getByText(unscored, { exact: true }).count()).toBe(histograms.length);
    // The answers report cracked walls, so the school is flagged for an engineer.
    const flagged = page.getByRole('region', { name: 'Schools flagged for an engineering inspection' });
    await flagged.getByRole('link', { name: school.name }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: '/tmp/safeschools-e2e-safety-readiness.png', fullPage: true });
    await page.close();
  });
});
