import { stat } from 'node:fs/promises';
import type { Command } from '@safeschools/cli';
import { configOrExit } from './load-config.js';
import { jsonObjectOption, runLocalImport } from './run-local-import.js';

export const importSchoolsCommand: Command = {
  name: 'import schools',
  summary: 'Import schools from a CSV or GeoJSON file into the registry (same rules as the web import)',
  usage: 'import schools FILE [--dry-run] [--valid-rows-only] [--mapping JSON] [--country IN] [--code-system udise]',
  options: {
    'dry-run': { type: 'boolean', description: 'Check and count, write nothing' },
    'valid-rows-only': { type: 'boolean', description: 'Write the valid rows even when others are refused' },
    mapping: { type: 'string', description: 'JSON object of field → column, e.g. {"school_id_govt":"CODE"}' },
    country: { type: 'string', description: 'ISO country code of the schools', default: 'IN' },
    'code-system': { type: 'string', description: 'Code system of the school codes', default: 'udise' },
  },
  run: async ({ options, positionals, out }) => {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      out.error('Give exactly one FILE to import.');
      return 64;
    }
    if (!(await stat(file).catch(() => null))?.isFile()) {
      out.error(`No such file: ${file}`);
      return 66;
    }
    const mapping = jsonObjectOption(options.mapping as string | undefined, 'mapping');
    if (typeof mapping === 'string') {
      out.error(mapping);
      return 64;
    }
    const config = configOrExit(out.error);
    if (!config) return 2;
    return runLocalImport(config, out, {
      file,
      kind: 'schools',
      dryRun: options['dry-run'] === true,
      validRowsOnly: options['valid-rows-only'] === true,
      mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, String(v as string)])),
      options: { countryCode: options.country, codeSystem: options['code-system'] },
    });
  },
};
