import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/config.js';
import { buildApp } from '../http/app.js';
import type { Database } from '../db/database.js';
import { createMetrics } from '../ops/metrics.js';
import type { Services } from '../services.js';
import { version } from '../version.js';

export const openApiFile = fileURLToPath(new URL('../../../../packages/contract/openapi.json', import.meta.url));

/** The document needs the routes, not a database: build the app over inert parts and ask swagger for it. */
export async function generateOpenApi(): Promise<string> {
  const unused = () => {
    throw new Error('not available while generating the OpenAPI document');
  };
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
  const database = { kind: 'pglite', db: {} as never, rows: unused, execScript: unused, rawQuery: unused, close: async () => undefined } as unknown as Database;
  const services = {
    config,
    database,
    storage: { kind: 'local', put: unused, get: unused, delete: unused, exists: unused },
    jobs: { running: false, register: () => undefined, start: unused, enqueue: unused, stop: async () => undefined },
    metrics: createMetrics(),
    startedAt: new Date(0),
    version,
  } as unknown as Services;
  const app = await buildApp(services, { logger: false });
  await app.ready();
  const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  return document;
}

export async function writeOpenApi(): Promise<string> {
  await writeFile(openApiFile, await generateOpenApi());
  return openApiFile;
}

export async function checkOpenApi(): Promise<boolean> {
  const committed = await readFile(openApiFile, 'utf8').catch(() => '');
  return committed === (await generateOpenApi());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const ok = check ? await checkOpenApi() : (await writeOpenApi(), true);
  if (!ok) console.error('packages/contract/openapi.json is out of date: run `npm run openapi` and commit it.');
  process.exit(ok ? 0 : 1);
}
