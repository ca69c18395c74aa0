import { alertsBench } from './alerts.bench.js';
import { coldStartBench } from './cold-start.bench.js';
import { impactBench } from './impact.bench.js';
import { registryBench } from './registry.bench.js';
import { machine, table, writeResults, type BenchRow } from './report.js';

/**
 * `npm run bench [-- name-prefix…]`: every benchmark, ours beside the real alternative in the same run, printed
 * as a table and written to bench/results/latest.json. PostgreSQL rows need DATABASE_URL.
 */
const suites: Record<string, (url: string | undefined) => Promise<BenchRow[]>> = {
  foundation: coldStartBench,
  impact: impactBench,
  registry: registryBench,
  alerts: alertsBench,
};

const wanted = process.argv.slice(2);
const url = process.env.DATABASE_URL;
const rows: BenchRow[] = [];
console.log(
  `Machine: ${machine()}\nDatabase server: ${url ? 'PostgreSQL (DATABASE_URL)' : 'none (set DATABASE_URL for PostgreSQL rows)'}\n`,
);
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length && !wanted.some((w) => name.startsWith(w))) continue;
  console.log(`running ${name}…`);
  rows.push(...(await suite(url)));
}
console.log(`\n${table(rows)}\n`);
await writeResults(new URL('../results/latest.json', import.meta.url), rows);
console.log('written to bench/results/latest.json');
