import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { faultOptions } from './fault-options.js';
import { formatReportDetails, formatReportTable, type ScenarioReport } from './fault-report.js';
import { runScenario } from './run-scenario.js';
import { disposeAllScenarioDatabases, type DatabaseTemplate } from './scenario-database.js';
import { chooseServerCommand, killAllServers, type ServerCommand } from './server-process.js';

// The short form of the fault test (`npm run fault` is the long one): the real server in a child process, killed
// with SIGKILL at random points of each scenario and started again at once, on this run's database (PGlite, or the
// PostgreSQL of DATABASE_URL). FAULT_SEED, FAULT_KILLS, FAULT_ROWS … change it (fault-options.ts).
const options = faultOptions('short', process.env);
const url = process.env.DATABASE_URL;
const template: DatabaseTemplate = url
  ? { label: 'postgres', url, template: inject('postgresTemplate') }
  : { label: 'pglite', dump: inject('pgliteTemplate') };
const reports: ScenarioReport[] = [];
let command: ServerCommand;

beforeAll(async () => {
  command = await chooseServerCommand(options.server);
  console.log(
    `fault test on ${template.label}: seed ${options.seed} (FAULT_SEED=${options.seed} draws the same kills), server from ${command.label}`,
  );
});

afterAll(async () => {
  // Only after a timeout is anything left: runScenario cleans up after itself.
  killAllServers();
  await disposeAllScenarioDatabases();
  if (reports.length) console.log(`seed ${options.seed}\n${formatReportTable(reports)}\n${formatReportDetails(reports)}`);
});

describe(`the server killed at random points (${template.label})`, () => {
  for (const scenario of options.scenarios) {
    it(`${scenario}: restarts, and loses, duplicates and half-writes nothing`, { timeout: 20 * 60_000 }, async () => {
      const report = await runScenario(scenario, template, options, command, (m) => console.log(m));
      reports.push(report);
      expect(report.problems.map((p) => `[${p.kind}] ${p.message}`)).toEqual([]);
      expect({ kills: report.kills, restarts: report.restarts }).toEqual({ kills: options.kills, restarts: options.kills });
      expect(report.checked).toBeGreaterThan(0);
    });
  }
});
