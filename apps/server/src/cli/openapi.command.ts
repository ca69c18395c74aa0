import type { Command } from '@safeschools/cli';
import { checkOpenApi, writeOpenApi } from './write-openapi.js';

export const openapiCommand: Command = {
  name: 'openapi',
  summary: 'Write the OpenAPI 3.1 document generated from the zod schemas (--check: fail if the committed one differs)',
  options: { check: { type: 'boolean', description: 'Compare instead of writing' } },
  run: async ({ options, out }) => {
    if (options.check) {
      const same = await checkOpenApi();
      if (same) out.info('openapi.json is up to date.');
      else out.error('openapi.json is out of date: run npm run openapi and commit it.');
      return same ? 0 : 1;
    }
    out.info(`Wrote ${await writeOpenApi()}`);
  },
};
