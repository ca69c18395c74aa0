import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type Output } from '@safeschools/cli';
import { generateSchoolsCommand } from '../../../cli/generate-schools.command.js';
import { sharedData } from '../boundaries/import-test-context.js';

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

describe('safeschools generate schools', () => {
  it('writes count rows to --out with progress on stderr, the same file for the same seed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'generate-'));
    try {
      const args = (out: string) => [
        'generate',
        'schools',
        '--count',
        '2500',
        '--seed',
        '5',
        '--boundaries',
        sharedData('udit001_india_districts_states.topo.json'),
        '--out',
        out,
      ];
      const out = capture();
      expect(await runCli('safeschools', [generateSchoolsCommand], args(path.join(dir, 'a.csv')), out)).toBe(0);
      expect(out.lines).toEqual([]);
      expect(out.errors.join('\n')).toMatch(/Generating 2500 schools: 100%/);
      expect(await runCli('safeschools', [generateSchoolsCommand], args(path.join(dir, 'b.csv')), capture())).toBe(0);
      const a = await readFile(path.join(dir, 'a.csv'), 'utf8');
      expect(a).toBe(await readFile(path.join(dir, 'b.csv'), 'utf8'));
      const lines = a.trimEnd().split('\n');
      expect(lines).toHaveLength(2501);
      expect(lines[0]!.startsWith('schcd,schname,')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a missing count or boundary file', async () => {
    const out = capture();
    expect(await runCli('safeschools', [generateSchoolsCommand], ['generate', 'schools', '--boundaries', 'x.json'], out)).toBe(
      64,
    );
    const missing = capture();
    expect(
      await runCli(
        'safeschools',
        [generateSchoolsCommand],
        ['generate', 'schools', '--count', '5', '--boundaries', '/nonexistent.json'],
        missing,
      ),
    ).toBe(65);
    expect(missing.errors.join('')).toMatch(/no such file|ENOENT/i);
  });
});
