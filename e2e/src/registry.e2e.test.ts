import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './app-under-test.js';
import { importThroughWizard } from './import-wizard.js';
import { signIn } from './sign-in.js';
import { ADMIN } from './server.js';

/**
 * Issue 3's journey in Chromium on a registry without demo data: the all-India district TopoJSON, the LGD
 * crosswalk and Sikkim's real UDISE+ schools go in through the import wizard; the map asks for school tiles;
 * a district officer then sees only their district.
 */
const shared = (path: string) => fileURLToPath(new URL(`../../../shared/data/${path}`, import.meta.url));

const app = useServerAndBrowser({ DEMO_DATA: 'false' });

describe('registry', () => {
  it('imports the all-India districts, the LGD crosswalk and Sikkim\u2019s schools through the web app', async () => {
    const page = await app.browser.context.newPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await importThroughWizard(page, app.server.url, 'boundaries', shared('boundaries/udit001_india_districts_states.topo.json'));
    await importThroughWizard(page, app.server.url, 'crosswalk', shared('boundaries/lgd_districts.csv'));
    for (const n of [1101, 1102, 1103, 1104]) {
      await importThroughWizard(page, app.server.url, 'schools', shared(`schools/udise-sikkim/ud_dt_n_${n}_page_01.geojson`));
    }
    const summary = await page.evaluate(() =>
      fetch('/api/v1/dashboard').then((r) => r.json() as Promise<{ schools: number; areas: number }>),
    );
    expect(summary.schools).toBe(991);
    expect(summary.areas).toBe(760);
    await page.close();
  });

  it('finds schools by name and shows them on the map as tiles', async () => {
    const page = await app.browser.context.newPage();
    // A fresh cache, so the first tile seen is built from the imported registry rather than confirmed (304) from the
    // empty one the first test's sign-in drew.
    const cdp = await app.browser.context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    const tile = page.waitForResponse((r) => r.url().includes('/api/v1/tiles/schools/') && r.status() === 200, {
      timeout: 60_000,
    });
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    expect((await tile).headers()['content-type']).toBe('application/vnd.mapbox-vector-tile');
    await page.locator('.map').screenshot({ path: '/tmp/safeschools-e2e-registry-map.png' });
    await page.goto(`${app.server.url}/schools`);
    await page.getByLabel('Search by name or code').fill('MANGSHILLA');
    await page.getByRole('link', { name: 'MANGSHILLA SSS' }).click();
    await page.getByText('11010102502').waitFor();
    await page.close();
  });

  it('lets a district officer see only their district\u2019s schools', async () => {
    const page = await app.browser.context.newPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    const areas = await page.evaluate(() =>
      fetch('/api/v1/areas/rollup?level=district').then(
        (r) => r.json() as Promise<{ items: { areaId: string; name: string; codes: Record<string, string>; schools: number }[] }>,
      ),
    );
    const east = areas.items.find((a) => a.codes.lgd === '225')!;
    expect(east.schools).toBeGreaterThan(0);
    const invited = await page.evaluate(async (areaId) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const r = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ email: 'east.officer@example.org', role: 'district_officer', scope: { areaIds: [areaId] } }),
      });
      return (await r.json()) as { invitationPath: string };
    }, east.areaId);
    await page.context().clearCookies();
    await page.goto(`${app.server.url}${invited.invitationPath}`);
    await page.getByLabel('Your name').fill('East Officer');
    await page.getByLabel('New password').fill('monsoon drill every june');
    await page.getByLabel('Repeat the password').fill('monsoon drill every june');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    const seen = await page.evaluate(() => fetch('/api/v1/dashboard').then((r) => r.json() as Promise<{ schools: number }>));
    expect(seen.schools).toBe(east.schools);
    const csv = await page.evaluate(() => fetch('/api/v1/exports/schools?format=csv').then((r) => r.text()));
    expect(csv.trimEnd().split('\r\n')).toHaveLength(east.schools + 1);
    await page.close();
  });
});
