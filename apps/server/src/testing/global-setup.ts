import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { preparePgliteTemplate, preparePostgresTemplate } from './template-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

const cacheDir = fileURLToPath(new URL('../../../../.test-data/', import.meta.url));

/** Migrates once per run (or reuses an unchanged template), so each test file starts from a copy in seconds. */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) project.provide('postgresTemplate', await preparePostgresTemplate(url));
  else project.provide('pgliteTemplate', await preparePgliteTemplate(path.resolve(cacheDir)));
}
