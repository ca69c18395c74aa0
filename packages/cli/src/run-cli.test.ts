import { describe, expect, it } from 'vitest';
import type { Command, Output } from './command.js';
import { ProgressBar } from './progress-bar.js';
import { runCli } from './run-cli.js';

function capture(interactive = false): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, interactive, info: (m) => lines.push(m), error: (m) => errors.push(m), json: (v) => lines.push(JSON.stringify(v)) };
}

const seen: unknown[] = [];
const commands: Command[] = [
  { name: 'migrate', summary: 'Apply migrations', run: async () => { seen.push('migrate'); } },
  {
    name: 'users create',
    summary: 'Create a user',
    options: { email: { type: 'string', description: 'email', required: true }, admin: { type: 'boolean', description: 'admin' } },
    run: async ({ options }) => {
      seen.push(options);
      return 3;
    },
  },
];

describe('runCli', () => {
  it('prints help and exits 0 when asked', async () => {
    const out = capture();
    expect(await runCli('safeschools', commands, ['--help'], out)).toBe(0);
    expect(out.lines.join('\n')).toContain('users create');
  });

  it('refuses an unknown command with exit code 64', async () => {
    const out = capture();
    expect(await runCli('safeschools', commands, ['frobnicate'], out)).toBe(64);
    expect(out.errors.join('\n')).toContain('Unknown command: frobnicate');
  });

  it('runs the longest matching command with its options and returns its exit code', async () => {
    seen.length = 0;
    const out = capture();
    expect(await runCli('safeschools', commands, ['users', 'create', '--email', 'a@b.org', '--admin'], out)).toBe(3);
    expect(seen).toEqual([{ email: 'a@b.org', admin: true }]);
  });

  it('names missing required options', async () => {
    const out = capture();
    expect(await runCli('safeschools', commands, ['users', 'create'], out)).toBe(64);
    expect(out.errors.join('\n')).toContain('Missing --email');
  });

  it('refuses unknown options instead of ignoring them', async () => {
    const out = capture();
    expect(await runCli('safeschools', commands, ['migrate', '--frob'], out)).toBe(64);
  });
});

describe('ProgressBar', () => {
  it('prints every 10% when not on a terminal', () => {
    const out = capture(false);
    const bar = new ProgressBar(out, 'import');
    for (let i = 0; i <= 100; i++) bar.update(i / 100);
    expect(out.lines).toHaveLength(11);
    expect(out.lines[0]).toBe('import: 0%');
    expect(out.lines.at(-1)).toBe('import: 100%');
  });

  it('redraws one line on a terminal', () => {
    const out = capture(true);
    const written: string[] = [];
    const bar = new ProgressBar(out, 'export', 10, (t) => written.push(t));
    bar.update(0.5, '5/10');
    expect(written[0]).toContain('[#####-----]  50% 5/10');
  });
});
