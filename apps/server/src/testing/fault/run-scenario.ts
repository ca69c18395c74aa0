import path from 'node:path';
import { alertsScenario } from './alerts-scenario.js';
import { drillsScenario } from './drills-scenario.js';
import { exportsScenario } from './exports-scenario.js';
import type { FaultOptions } from './fault-options.js';
import { ReportBuilder, type ScenarioName, type ScenarioReport } from './fault-report.js';
import { importScenario } from './import-scenario.js';
import { ADMIN, type ScenarioContext } from './scenario-context.js';
import { openScenarioDatabase, type DatabaseTemplate } from './scenario-database.js';
import { SeededRandom } from './seeded-random.js';
import { ServerProcess, type ServerCommand } from './server-process.js';

const scenarios: Record<ScenarioName, (ctx: ScenarioContext) => Promise<void>> = {
  import: importScenario,
  exports: exportsScenario,
  drills: drillsScenario,
  alerts: alertsScenario,
};

/**
 * One scenario on one database, from a fresh database to its report: the server is always killed and the database
 * and its folder removed at the end, whatever happened. A scenario that cannot go on is a problem in its report.
 */
export async function runScenario(
  name: ScenarioName,
  template: DatabaseTemplate,
  options: FaultOptions,
  command: ServerCommand,
  log: (message: string) => void = () => {},
): Promise<ScenarioReport> {
  const report = new ReportBuilder(name, template.label);
  const say = (message: string) => log(`[${name}/${template.label}] ${message}`);
  const db = await openScenarioDatabase(template);
  const server = new ServerProcess(
    {
      ...db.serverEnv,
      DEMO_DATA: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_SECONDS: '10',
      WEB_DIST: path.join(db.dataDir, 'no-web-app'),
    },
    command,
  );
  try {
    await scenarios[name]({
      db,
      server,
      random: new SeededRandom(options.seed).fork(`${name}:${template.label}`),
      options,
      report,
      log: say,
    });
  } catch (error) {
    report.problem(
      'other',
      `the scenario stopped: ${error instanceof Error ? error.message : String(error)}\nlast server output:\n${server.tail(30)}`,
    );
  } finally {
    await server.kill();
    await db.dispose();
  }
  const result = report.finish();
  say(
    `${result.kills} kills, ${result.restarts} restarts, ${result.checked} checked, ${result.problems.length} problems, ${result.seconds} s`,
  );
  return result;
}
