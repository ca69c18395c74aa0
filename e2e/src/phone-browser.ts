import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM } from './browser.js';

/**
 * A small phone's browser: Debian's Chromium in a fresh, cookie-less context with a 360×740 viewport, touch and
 * a phone's pixel ratio, for pages opened from a link in a message (no sign-in).
 */
export async function openPhoneBrowser(locale: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
  });
  return {
    context,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** A port free on 127.0.0.1 now, so a server's PUBLIC_URL can name it before the server starts. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
