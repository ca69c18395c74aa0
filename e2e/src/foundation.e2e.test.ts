import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './app-under-test.js';
import { signIn } from './sign-in.js';
import { ADMIN } from './server.js';

/**
 * The foundation journey in a real Chromium against the built server on its embedded database with demo data:
 * an administrator signs in, sees the dashboard, switches language at run time, and invites a district officer,
 * who accepts the invitation and signs in with the scope given.
 */

const app = useServerAndBrowser();

describe('foundation', () => {
  it('refuses a wrong password with a translated message', async () => {
    const page = await app.browser.context.newPage();
    await signIn(page, app.server.url, ADMIN.email, 'not the right password', false);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/email|password/i);
    expect(page.url()).toContain('/login');
    await page.close();
  });

  it('signs in, shows the dashboard with the demo registry and switches language at run time', async () => {
    const page = await app.browser.context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await expect.poll(() => page.locator('main').textContent()).toContain('991');
    // The demo registry's real schools come without an enrolment: unknown, never "0 children enrolled".
    expect(await page.locator('main').textContent()).toContain('Enrolment unknown');
    expect(await page.locator('main').textContent()).toContain('991 schools without an enrolment');

    await page.getByLabel('Language').selectOption('hi');
    await page.getByRole('link', { name: 'उपयोगकर्ता' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('hi');
    expect(await page.locator('main').textContent()).toContain('विद्यालय');
    expect(await page.locator('main').textContent()).toContain('नामांकन अज्ञात');

    await page.getByLabel('भाषा').selectOption('ja');
    await page.getByRole('link', { name: 'ユーザー' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await page.screenshot({ path: '/tmp/safeschools-e2e-dashboard-ja.png' });

    await page.getByLabel('言語').selectOption('en');
    await page.getByRole('link', { name: 'Users' }).waitFor();
    expect(failures).toEqual([]);
    await page.close();
  });

  it('invites a district officer who accepts and sees only their district', async () => {
    const page = await app.browser.context.newPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Email address').fill('officer.gangtok@example.org');
    await page.getByLabel('Name', { exact: true }).fill('Pema Bhutia');
    await page.getByLabel('Role', { exact: true }).selectOption('district_officer');
    await page.getByLabel('Country').selectOption({ label: 'India' });
    await page.getByLabel('State').selectOption({ label: 'Sikkim' });
    await page.getByLabel('District').selectOption({ label: 'Gangtok' });
    await page.getByRole('button', { name: 'Add Gangtok' }).click();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/accept-invitation\?token=/);
    await page.close();

    await app.browser.context.clearCookies();
    const invitee = await app.browser.context.newPage();
    await invitee.goto(link);
    await invitee.getByLabel('Your name').fill('Pema Bhutia');
    await invitee.getByLabel('New password').fill('prayer flags over tsomgo');
    await invitee.getByLabel('Repeat the password').fill('prayer flags over tsomgo');
    await invitee.getByRole('button', { name: 'Create my account' }).click();
    await invitee.getByRole('heading', { name: 'Home' }).waitFor();
    // Gangtok's demo schools only, not all 991 of Sikkim; and no user administration.
    const summary = await invitee.evaluate(() =>
      fetch('/api/v1/dashboard').then((r) => r.json() as Promise<{ schools: number }>),
    );
    expect(summary.schools).toBeGreaterThan(0);
    expect(summary.schools).toBeLessThan(991);
    await expect.poll(() => invitee.locator('main').textContent()).toContain(summary.schools.toLocaleString('en-IN'));
    expect((await invitee.locator('main').textContent()) ?? '').not.toContain('991');
    expect(await invitee.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await invitee.close();
  });

  it('stops gracefully on SIGTERM', async () => {
    await app.browser.close();
    expect(await app.server.stop()).toBe(0);
    expect(app.server.log()).toContain('SIGTERM received');
  });
});
