import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Output } from '@safeschools/cli';
import { sharedData } from '../domain/registry/boundaries/import-test-context.js';
import { importBoundariesCommand } from './import-boundaries.command.js';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    interactive: false,
    info: (m) => lines.push(m),
    error: (m) => errors.push(m),
    json: (v) => lines.push(JSON.stringify(v)),
  };
}

// Each run opens and migrates an embedded database (~15 s or more), so this test stays to one run;
// the refusals are tested on the runner (boundary-history.db.test.ts).
// The command reads its configuration from the environment, as the real CLI does: an embedded database in a temp folder.
let dataDir: string;
const saved = { ...process.env };
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'safeschools-cli-'));
  Object.assign(process.env, { DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  delete process.env.DATABASE_URL;
});
afterAll(async () => {
  process.env = saved;
  await rm(dataDir, { recursive: true, force: true });
});

describe('safeschools import boundaries', () => {
  it('imports the all-India districts with a progress bar and exits 0', { timeout: 300_000 }, async () => {
    const out = capture();
    const code = await runCli(
      'safeschools',
      [importBoundariesCommand],
      ['import', 'boundaries', sharedData('udit001_india_districts_states.topo.json')],
      out,
    );
    expect(out.errors).toEqual([]);
    expect(code).toBe(0);
    expect(out.lines.join('\n')).toMatch(/: completed. 759 rows: 759 created/);
    expect(out.lines.join('\n')).toMatch(/Importing udit001_india_districts_states.topo.json: 100%/);
  });
});
