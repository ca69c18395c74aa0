import { stat } from 'node:fs/promises';
import type { Command } from '@safeschools/cli';
import { configOrExit } from './load-config.js';
import { jsonObjectOption, runLocalImport } from './run-local-import.js';

/** Imports admin boundaries or a code crosswalk from a file on this machine, as the API would, with a progress bar. */
export const importBoundariesCommand: Command = {
  name: 'import boundaries',
  summary: 'Import admin boundaries (GeoJSON/TopoJSON) or a code crosswalk (CSV)',
  usage: 'import boundaries FILE [--kind boundaries|crosswalk] [--level district] [--dry-run] [--options JSON]',
  options: {
    kind: { type: 'string', description: 'boundaries | crosswalk (default: crosswalk for .csv files)' },
    level: { type: 'string', description: 'Only this level (state | district | block); for a crosswalk, the level it codes' },
    'dry-run': { type: 'boolean', description: 'Check everything, write nothing' },
    'valid-rows-only': { type: 'boolean', description: 'Write the valid rows even when others have errors' },
    options: { type: 'string', description: 'Importer options as JSON (mapping, codeSystem, validFrom, ...)' },
  },
  run: async ({ options, positionals, out }) => {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      out.error('Give exactly one FILE to import.');
      return 64;
    }
    const size = await stat(file).catch(() => null);
    if (!size?.isFile()) {
      out.error(`No such file: ${file}`);
      return 66;
    }
    const isCsv = /\.(csv|txt)$/i.test(file);
    const kind = (options.kind as string | undefined) ?? (isCsv ? 'crosswalk' : 'boundaries');
    if (kind !== 'boundaries' && kind !== 'crosswalk') {
      out.error(`Unknown --kind ${kind}: boundaries or crosswalk.`);
      return 64;
    }
    const importOptions = jsonObjectOption(options.options as string | undefined, 'options');
    if (typeof importOptions === 'string') {
      out.error(importOptions);
      return 64;
    }
    if (options.level) importOptions.level = options.level;
    const config = configOrExit(out.error);
    if (!config) return 2;
    return runLocalImport(config, out, {
      file,
      kind,
      dryRun: options['dry-run'] === true,
      validRowsOnly: options['valid-rows-only'] === true,
      mapping: {},
      options: importOptions,
    });
  },
};
