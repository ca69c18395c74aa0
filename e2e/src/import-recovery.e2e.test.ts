import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser } from './browser.js';
import { catalogue } from './catalogue.js';
import { signIn } from './sign-in.js';
import { ADMIN, startBuiltServer, type RunningServer } from './server.js';

/**
 * A crash in the middle of an import, in Chromium: the administrator starts a school import of 60,000 rows, the server
 * is killed (SIGKILL) once a batch is committed, and started again on the same data folder. After a reload the import
 * is found on the list of imports, marked interrupted, and resumed from its page until every row is in. The list and
 * the interrupted import are photographed in English, Hindi and Japanese, on a laptop and on a phone.
 */
const ROWS = 60_000;
const LONG = { timeout: 60_000 };
const languages = ['en', 'hi', 'ja'] as const;
type Language = (typeof languages)[number];
const text = { en: catalogue('en'), hi: catalogue('hi'), ja: catalogue('ja') };
const laptop = { width: 1366, height: 768 };
const phone = { width: 360, height: 740 };

interface ImportState {
  status: string;
  progress: number | null;
  lastCommittedRow: number | null;
  counts: { rows: number; created: number; updated: number; unchanged: number; rejected: number };
}

/** New schools with 11-digit codes, at points spread over central India (inside the country's box, never on its edge). */
function schoolFile(rows: number): string {
  const lines = ['school_id_govt,school_name,latitude,longitude'];
  for (let i = 0; i < rows; i++) {
    const code = String(23_000_000_000 + i);
    const lat = (20 + ((i * 7919) % 60_000) / 10_000).toFixed(5);
    const lon = (75 + ((i * 104_729) % 90_000) / 10_000).toFixed(5);
    lines.push(`${code},Recovery School ${i + 1},${lat},${lon}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Starts a school import (not a check) through the API, as the signed-in page, and answers its id. */
function startImport(page: Page, csv: string): Promise<string> {
  return page.evaluate(async (body) => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
    const form = new FormData();
    form.append('kind', 'schools');
    form.append('dryRun', 'false');
    form.append('validRowsOnly', 'false');
    form.append('file', new Blob([body], { type: 'text/csv' }), 'recovery-schools.csv');
    const r = await fetch('/api/v1/imports', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken }, body: form });
    if (r.status !== 202) throw new Error(`import refused: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { id: string }).id;
  }, csv);
}

function readImport(page: Page, id: string): Promise<ImportState> {
  return page.evaluate(async (importId) => (await fetch(`/api/v1/imports/${importId}`)).json() as Promise<ImportState>, id);
}

/** Reads the import every 100 ms until `done` says so. */
async function until(page: Page, id: string, done: (state: ImportState) => boolean, timeoutMs: number): Promise<ImportState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await readImport(page, id);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`the import stayed ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Switches the interface language with the switcher in the header (labelled in the language shown). */
async function switchTo(page: Page, from: Language, to: Language): Promise<void> {
  if (from === to) return;
  await page.getByLabel(text[from]('language.label'), { exact: true }).selectOption(to);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to, LONG);
}

/** A full-page screenshot at a laptop's and a phone's size; the phone's page must not scroll sideways. */
async function photograph(page: Page, name: string, language: Language): Promise<void> {
  for (const [size, viewport] of [
    ['laptop', laptop],
    ['phone', phone],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => document.fonts.ready);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} in ${language} on a ${size} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `/tmp/safeschools-e2e-import-recovery-${name}-${language}-${size}.png`, fullPage: true });
  }
  await page.setViewportSize(laptop);
}

let dataDir: string;
let server: RunningServer | undefined;
let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'safeschools-e2e-recovery-'));
  [server, browser] = await Promise.all([startBuiltServer({ DEMO_DATA: 'false' }, { dataDir }), openBrowser()]);
}, 180_000);
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('an import cut short by a crash', () => {
  it(
    'is found after a restart on the list of imports, and resumed from its page until every row is in',
    { timeout: 240_000 },
    async () => {
      const first = server!;
      const page = await browser!.context.newPage();
      await page.setViewportSize(laptop);
      await signIn(page, first.url, ADMIN.email, ADMIN.password);
      const id = await startImport(page, schoolFile(ROWS));

      // Past the first batch of 20,000 rows (the writing pass runs from 0.5 to 1): kill -9, then start again.
      await until(page, id, (s) => s.status === 'running' && (s.progress ?? 0) > 0.7, 120_000);
      await first.kill();
      server = await startBuiltServer({ DEMO_DATA: 'false' }, { dataDir, port: first.port });

      const interrupted = await readImport(page, id);
      expect(interrupted.status).toBe('interrupted');
      expect(interrupted.lastCommittedRow).toBeGreaterThanOrEqual(20_000);
      expect(interrupted.lastCommittedRow).toBeLessThan(ROWS);
      expect(interrupted.counts.created).toBe(interrupted.lastCommittedRow);

      // A reload, as a user would after the crash: the nav leads to the list, where the import is marked and announced.
      await page.goto(`${server.url}/`);
      await page.getByRole('link', { name: text.en('nav.imports'), exact: true }).click();
      let language: Language = 'en';
      for (const next of languages) {
        await switchTo(page, language, next);
        language = next;
        const t = text[language];
        await page.getByRole('heading', { level: 1, name: t('imports.list.title') }).waitFor(LONG);
        const row = page.locator('tr.needs-decision').filter({ has: page.getByRole('link', { name: 'recovery-schools.csv' }) });
        await row.getByText(t('imports.statusWord.interrupted'), { exact: true }).waitFor(LONG);
        // One interrupted import: the notice in the plural form the language uses for 1 (Japanese has one form only).
        const one = new Intl.PluralRules(language).select(1);
        await page.getByText(t(`imports.notice.interrupted_${one}`, { count: 1 })).waitFor(LONG);
        await photograph(page, 'list', language);
      }

      // Its page, from the list: what was saved, and the choice.
      for (const next of languages) {
        await page.goto(`${server.url}/imports`);
        await switchTo(page, language, next);
        language = next;
        const t = text[language];
        await page.locator('tr.needs-decision').getByRole('link', { name: 'recovery-schools.csv' }).click();
        await page.waitForURL(`${server.url}/imports/${id}`, LONG);
        await page.getByText(t('imports.status.interrupted')).waitFor(LONG);
        await page.getByRole('button', { name: t('imports.interrupted.resume'), exact: true }).waitFor(LONG);
        await photograph(page, 'interrupted', language);
      }

      // Resumed in English: it runs again after the last committed batch and ends with every row.
      await switchTo(page, language, 'en');
      await page.getByRole('button', { name: text.en('imports.interrupted.resume'), exact: true }).click();
      await page.getByText(text.en('imports.status.completed')).waitFor({ timeout: 120_000 });
      await page.screenshot({ path: '/tmp/safeschools-e2e-import-recovery-completed-en-laptop.png', fullPage: true });
      const added = page
        .locator('.count-list div')
        .filter({ hasText: text.en('imports.counts.done.created') })
        .locator('dd');
      expect(await added.textContent()).toBe('60,000');
      const done = await readImport(page, id);
      expect(done).toMatchObject({ status: 'completed', counts: { rows: ROWS, created: ROWS, updated: 0, rejected: 0 } });
      await page.close();
    },
  );
});
