import { describe, expect, it } from 'vitest';
import { answerEverything } from './answer-everything.js';
import { useServerAndBrowser } from './app-under-test.js';
import { acceptInvitation, invite } from './invitations.js';
import { signIn } from './sign-in.js';
import { ADMIN } from './server.js';

/**
 * The school safety journey in Chromium on the demo registry: a school focal point opens their school, fills in
 * the built-in self-assessment through the form and submits it; the report shows a score, a band and ranks. A
 * district officer over the school's district then sees the scored school on the readiness page.
 */

const app = useServerAndBrowser();

interface School {
  id: string;
  name: string;
}

describe('school safety', () => {
  it('takes a self-assessment from the school to the report and the readiness page', async () => {
    const page = await app.browser.context.newPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);

    // A district of the demo registry with schools in it, and one of its schools.
    const districts = await page.evaluate(() =>
      fetch('/api/v1/areas/rollup?level=district').then(
        (r) => r.json() as Promise<{ items: { areaId: string; name: string; schools: number }[] }>,
      ),
    );
    const district = districts.items.find((a) => a.schools > 0)!;
    expect(district).toBeDefined();
    const found = await page.evaluate(
      (areaId) =>
        fetch(`/api/v1/schools?area=${areaId}`)
          .then((r) => r.json() as Promise<{ items: School[] }>)
          .then((p) => p.items[0]),
      district.areaId,
    );
    expect(found?.id).toBeTruthy();
    const school = found!;

    const focalPath = await invite(page, 'focal.point@example.org', 'school_focal_point', { schoolIds: [school.id] });
    const officerPath = await invite(page, 'district.officer@example.org', 'district_officer', { areaIds: [district.areaId] });

    // The focal point opens the school and starts a self-assessment.
    await acceptInvitation(page, app.server.url, focalPath, 'Focal Point', 'fire drill every term');
    await page.goto(`${app.server.url}/schools/${school.id}`);
    await page.getByRole('heading', { name: 'Self-assessments' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Start a self-assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: 'School safety self-assessment' }).waitFor();
    await page.getByRole('button', { name: 'Submit' }).waitFor({ timeout: 60_000 });

    expect(await answerEverything(page, 'Submit')).toBeGreaterThan(10);
    const saved = page.waitForResponse(
      (r) => /\/api\/v1\/assessments\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PUT',
      { timeout: 60_000 },
    );
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
    await acceptInvitation(page, app.server.url, officerPath, 'District Officer', 'monsoon drill every june');
    const readiness = page.waitForResponse((r) => r.url().includes('/api/v1/readiness') && r.request().method() === 'GET', {
      timeout: 60_000,
    });
    await page.goto(`${app.server.url}/readiness`);
    const data = (await (await readiness).json()) as {
      schools: number;
      pillarDistribution: Record<string, { buckets: { count: number }[]; unscored: number } | null>;
    };
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
