/**
 * `npm run fault`: the long form of the fault test, whose table goes in the release note. Each scenario (import,
 * exports, drills, alerts) runs on a fresh database with the real server in a child process, killed with SIGKILL at 20
 * random points (by default) and started again at once each time; then everything is checked in the database.
 *
 *   npm run fault                                        # PGlite
 *   DATABASE_URL=$(scripts/pg-test-server.sh) npm run fault   # PGlite and PostgreSQL
 *   npm run fault -- --db postgres --kills 5 --rows 60000 --seed 42 --scenarios import,drills
 *
 * Flags override the FAULT_* variables of fault-options.ts. Exits 1 when anything was lost, duplicated,
 * half-written or otherwise wrong.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { faultOptions } from './fault-options.js';
import { formatReportDetails, formatReportTable, type DatabaseLabel, type ScenarioReport } from './fault-report.js';
import { runScenario } from './run-scenario.js';
import { disposeAllScenarioDatabases, type DatabaseTemplate } from './scenario-database.js';
import { chooseServerCommand, killAllServers, repoRoot } from './server-process.js';
import { preparePgliteTemplate, preparePostgresTemplate } from '../template-database.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      kills: { type: 'string' },
      rows: { type: 'string' },
      seed: { type: 'string' },
      scenarios: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'npm run fault -- [--db pglite|postgres|both] [--kills N] [--rows N] [--seed S] [--scenarios import,exports,drills,alerts]',
    );
    return 0;
  }
  const env = {
    ...process.env,
    ...(values.kills ? { FAULT_KILLS: values.kills } : {}),
    ...(values.rows ? { FAULT_ROWS: values.rows } : {}),
    ...(values.seed ? { FAULT_SEED: values.seed } : {}),
    ...(values.scenarios ? { FAULT_SCENARIOS: values.scenarios } : {}),
  };
  const options = faultOptions('long', env);
  const url = process.env.DATABASE_URL;
  const db = values.db ?? (url ? 'both' : 'pglite');
  if (!['pglite', 'postgres', 'both'].includes(db)) throw new Error(`--db must be pglite, postgres or both, not ${db}`);
  const labels: DatabaseLabel[] = db === 'both' ? ['pglite', 'postgres'] : [db as DatabaseLabel];
  if (labels.includes('postgres') && !url)
    throw new Error('PostgreSQL needs DATABASE_URL (DATABASE_URL=$(scripts/pg-test-server.sh) npm run fault)');

  const command = await chooseServerCommand(options.server);
  console.log(
    `Fault test: seed ${options.seed} (--seed ${options.seed} draws the same kills again); ${options.kills} kills per scenario; ` +
      `server from ${command.label}; ${labels.join(' and ')}`,
  );
  const reports: ScenarioReport[] = [];
  for (const label of labels) {
    const template: DatabaseTemplate =
      label === 'pglite'
        ? { label, dump: await preparePgliteTemplate(path.join(repoRoot, '.test-data')) }
        : { label, url: url!, template: await preparePostgresTemplate(url!) };
    for (const scenario of options.scenarios) {
      reports.push(await runScenario(scenario, template, options, command, (m) => console.log(m)));
    }
  }
  await disposeAllScenarioDatabases();
  console.log(
    `\nseed ${options.seed}, ${options.importRows} rows per import file, ${options.exportJobs} exports of ${options.exportSchools} schools per round, ${options.drillWrites} drill writes per round, ${options.alertEvents} CAP alerts over ${options.alertSchools} schools per round\n`,
  );
  console.log(formatReportTable(reports));
  const details = formatReportDetails(reports);
  if (details) console.log(`\n${details}`);
  return reports.some((r) => r.problems.length > 0) ? 1 : 0;
}

// Ctrl+C: the servers still running are killed, and the scenario databases and folders removed.
const interrupted = (code: number) => {
  killAllServers();
  void disposeAllScenarioDatabases().finally(() => process.exit(code));
};
process.once('SIGINT', () => interrupted(130));
process.once('SIGTERM', () => interrupted(143));
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
