import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './app-under-test.js';
import { signIn } from './sign-in.js';
import { ADMIN } from './server.js';

/**
 * "My profile" on a 360 px phone: the administrator sets a phone and puts SMS first, in each language, and no
 * page is wider than the screen (nothing to scroll sideways).
 */
const app = useServerAndBrowser();
const phone = { width: 360, height: 740 };

describe('my profile on a phone', () => {
  it('saves a phone and channel order and fits 360 px in English, Hindi and Japanese', async () => {
    const page = await app.browser.context.newPage();
    await page.setViewportSize(phone);
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/profile`);
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    await page.getByLabel('Mobile number').fill('98765 43210');
    await page.getByRole('checkbox', { name: /SMS/ }).check();
    await page.getByRole('button', { name: 'Move SMS up' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await page.getByLabel('Mobile number').inputValue()).toBe('+919876543210');

    for (const [language, heading] of [['hi', 'मेरी प्रोफ़ाइल'], ['ja', 'マイプロフィール'], ['en', 'My profile']] as const) {
      await page.goto(`${app.server.url}/profile`);
      await page.locator('.language-switcher select').selectOption(language);
      await page.getByRole('heading', { name: heading }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, language).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/safeschools-e2e-profile-360-${language}.png`, fullPage: true });
    }
    await page.close();
  });
});
