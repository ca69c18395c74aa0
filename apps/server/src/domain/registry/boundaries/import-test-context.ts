import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../db/database.js';
import type { ImportRunContext, RowProblem } from '../../imports/import-runner.js';

/** The shared test data (tests-only licence): read in place, never copied into the repository. */
export const sharedData = (name: string) =>
  fileURLToPath(new URL(`../../../../../../../shared/data/boundaries/${name}`, import.meta.url));

/** A runner context for tests: the file from disk or bytes, problems collected in memory. */
export function importTestContext(
  database: Database,
  source: { path: string } | { text: string },
  input: Partial<Pick<ImportRunContext, 'dryRun' | 'validRowsOnly' | 'options' | 'mapping'>> = {},
): ImportRunContext & { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  return {
    database,
    importId: uuidv7(),
    fileName: 'path' in source ? source.path : 'inline.json',
    dryRun: input.dryRun ?? false,
    validRowsOnly: input.validRowsOnly ?? false,
    mapping: input.mapping ?? {},
    options: input.options ?? {},
    actorId: null,
    scope: { kind: 'all' },
    resumeAfterRow: 0,
    committed: { created: 0, updated: 0, unchanged: 0 },
    now: new Date(),
    signal: new AbortController().signal,
    openFile: async () => ('path' in source ? createReadStream(source.path) : Readable.from([Buffer.from(source.text)])),
    progress: async () => {},
    report: async (p) => {
      problems.push(...p);
    },
    problems,
  };
}
