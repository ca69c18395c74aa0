import { afterAll, beforeAll } from 'vitest';
import { openBrowser } from './browser.js';
import { startBuiltServer, type RunningServer } from './server.js';

export type TestBrowser = Awaited<ReturnType<typeof openBrowser>>;

export interface AppUnderTest {
  readonly server: RunningServer;
  readonly browser: TestBrowser;
}

/**
 * The built server (with `env`) and a Chromium of the test file's own, started before its tests and stopped after
 * them. Read `server` and `browser` inside hooks and tests: they exist once the file's first beforeAll ran.
 */
export function useServerAndBrowser(env: Record<string, string> = {}): AppUnderTest {
  let server: RunningServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startBuiltServer(env);
    browser = await openBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the server and browser start in beforeAll; use them inside hooks and tests');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
