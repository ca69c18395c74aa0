import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from './app-under-test.js';
import { signIn } from './sign-in.js';
import { ADMIN } from './server.js';

/**
 * The pages alerting added, as an administrator sees them, in English, Hindi and Japanese on a desktop and a 360×740
 * phone: each shows its heading in the chosen language and nothing is wider than the screen. Screenshots are kept in
 * /tmp/safeschools-e2e-alerting-page-<page>-<language>-<viewport>.png for a person to look at.
 */
const app = useServerAndBrowser();
const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 360, height: 740 } } as const;
const languages = ['en', 'hi', 'ja'] as const;

/** An earthquake scenario over the demo schools, made through the API, for the event page's alerting panels. */
async function scenarioEventId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
    const r = await fetch('/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ kind: 'scenario', title: 'Gangtok M6.1 scenario', lon: 88.61, lat: 27.33, depthKm: 12, magnitude: 6.1 }),
    });
    return ((await r.json()) as { id: string }).id;
  });
}

describe('alerting pages in three languages, on a desktop and a phone', () => {
  it('fit the screen and speak the chosen language', async () => {
    const page = await app.browser.context.newPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    const eventId = await scenarioEventId(page);
    const pages = [
      { name: 'alert-rules', path: '/alert-rules' },
      { name: 'feeds', path: '/feeds' },
      { name: 'outbox', path: '/outbox' },
      { name: 'event', path: `/events/${eventId}` },
    ];
    for (const [viewport, size] of Object.entries(viewports)) {
      await page.setViewportSize(size);
      for (const language of languages) {
        await page.goto(`${app.server.url}/`);
        await page.locator('.language-switcher select').selectOption(language);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        for (const { name, path } of pages) {
          await page.goto(`${app.server.url}${path}`);
          const heading = page.locator('main h1').first();
          await heading.waitFor({ timeout: 30_000 });
          await page.waitForLoadState('networkidle');
          const title = (await heading.textContent()) ?? '';
          // Hindi in Devanagari, Japanese in kana or kanji (the event's own title stays as its source wrote it).
          if (name !== 'event' && language === 'hi') expect(title, `${name} ${language}`).toMatch(/[\u0900-\u097F]/);
          if (name !== 'event' && language === 'ja') expect(title, `${name} ${language}`).toMatch(/[\u3040-\u30FF\u4E00-\u9FFF]/);
          await page.screenshot({ path: `/tmp/safeschools-e2e-alerting-page-${name}-${language}-${viewport}.png`, fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          const widest = await page.evaluate(() => {
            const all = [...document.querySelectorAll<HTMLElement>('main *')];
            const wide = all.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
            return wide.slice(-3).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
          });
          expect(overflow, `${name} ${language} ${viewport}: ${widest.join(', ')}`).toBeLessThanOrEqual(0);
        }
      }
    }
    await page.close();
  }, 300_000);
});
