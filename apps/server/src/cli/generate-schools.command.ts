import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ProgressBar, type Command, type Output } from '@safeschools/cli';
import { readBoundaryFile } from '../domain/registry/boundaries/read-boundary-file.js';
import { districtsFromBoundaryFile } from '../domain/registry/generate/boundary-districts.js';
import { generateSchoolCsv } from '../domain/registry/generate/generate-schools.js';
import { isAppError } from '../domain/shared/app-error.js';

const whole = (v: unknown, fallback?: number) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** Writes CSV lines to a stream, waiting when it is full, so memory stays flat whatever the count. */
export async function writeSchoolCsv(
  lines: Iterable<string>,
  count: number,
  target: Writable,
  onProgress: (fraction: number, written: number) => void,
): Promise<void> {
  let written = -1;
  let chunk: string[] = [];
  const flush = async () => {
    if (!chunk.length) return;
    if (!target.write(`${chunk.join('\n')}\n`)) await once(target, 'drain');
    chunk = [];
  };
  for (const line of lines) {
    chunk.push(line);
    written += 1;
    if (chunk.length >= 2000) {
      await flush();
      onProgress(count ? written / count : 1, written);
    }
  }
  await flush();
  onProgress(1, Math.max(0, written));
}

/** A synthetic, realistic school file inside real district polygons: for trying imports and benchmarks at scale. */
export const generateSchoolsCommand: Command = {
  name: 'generate schools',
  summary: 'Write a synthetic school CSV (UDISE-style columns) with points inside real district boundaries',
  usage: 'generate schools --count N --boundaries FILE [--seed N] [--layer districts] [--out FILE]',
  options: {
    count: { type: 'string', description: 'How many schools' },
    boundaries: { type: 'string', description: 'GeoJSON or TopoJSON with district polygons' },
    seed: { type: 'string', description: 'Seed: the same seed gives the same file', default: '1' },
    layer: { type: 'string', description: 'TopoJSON object holding the districts (guessed when left out)' },
    out: { type: 'string', description: 'CSV file to write (standard output when left out)' },
  },
  run: async ({ options, positionals, out }) => {
    const count = whole(options.count);
    const seed = whole(options.seed, 1);
    const boundaries = options.boundaries as string | undefined;
    if (positionals.length || count === undefined || seed === undefined || !boundaries) {
      out.error('Give --count N (whole number), --boundaries FILE and optionally --seed N and --out FILE.');
      return 64;
    }
    let districts;
    try {
      districts = districtsFromBoundaryFile(readBoundaryFile(await readFile(boundaries)), options.layer as string | undefined);
    } catch (error) {
      out.error(
        isAppError(error) ? `${error.code}: ${error.detail ?? ''}` : error instanceof Error ? error.message : String(error),
      );
      return 65;
    }
    const file = options.out as string | undefined;
    // Progress goes to stderr: stdout may be the CSV itself.
    const progressOut: Output = { ...out, info: out.error, interactive: Boolean(process.stderr.isTTY) && out.interactive };
    const bar = new ProgressBar(progressOut, `Generating ${count} schools`, 30, (t) => process.stderr.write(t));
    const target = file ? createWriteStream(file) : process.stdout;
    try {
      await writeSchoolCsv(generateSchoolCsv(districts, { count, seed }), count, target, (f, n) => bar.update(f, `${n} rows`));
    } catch (error) {
      out.error(error instanceof Error ? error.message : String(error));
      return 1;
    } finally {
      if (file) {
        target.end();
        await once(target, 'finish');
      }
    }
    bar.done(`${districts.length} districts`);
    return 0;
  },
};
