#!/usr/bin/env node
// `npm test`: every test project once (unit, db on PGlite or on DATABASE_URL, web, e2e), then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

// The end-to-end tests drive the built app, so build first unless the caller just did (SKIP_BUILD=1).
if (process.env.SKIP_BUILD !== '1' || !existsSync('apps/web/dist/index.html') || !existsSync('apps/server/dist/main.js')) {
  if (run('npm', ['run', 'build']) !== 0) process.exit(1);
}
mkdirSync('.test-data', { recursive: true });
const report = '.test-data/vitest-report.json';
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}
process.exit(status);
