import type { FaultOptions } from './fault-options.js';
import type { ReportBuilder } from './fault-report.js';
import type { Query, ScenarioDatabase } from './scenario-database.js';
import type { SeededRandom } from './seeded-random.js';
import { ServerStartError, type ServerProcess } from './server-process.js';

export const ADMIN = { email: 'admin@fault.example.org', password: 'fault-test administrator passphrase' };

/** What a scenario works with: its own database and server, its own draws, and the report it fills. */
export interface ScenarioContext {
  db: ScenarioDatabase;
  server: ServerProcess;
  random: SeededRandom;
  options: FaultOptions;
  report: ReportBuilder;
  log(message: string): void;
}

/**
 * Starts the server again after a kill, at once. A refused start is a failure of its own (reported), tried twice
 * more a moment apart so that the scenario can still tell what happened to the data.
 */
export async function restart(ctx: ScenarioContext): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.server.start();
      ctx.report.restarts += 1;
      return;
    } catch (error) {
      if (!(error instanceof ServerStartError) || attempt >= 3) throw error;
      ctx.report.problem(
        'other',
        `the restart after kill ${ctx.report.kills} was refused (attempt ${attempt}): ${error.message}`,
      );
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
}

/**
 * `kill -9` now, read what the dead server left (`readAtKill`, straight from the database), and start it again on
 * the same data at once. Resolves to what was read.
 */
export async function killAndRestart<T>(ctx: ScenarioContext, readAtKill: (q: Query) => Promise<T>): Promise<T> {
  await ctx.server.kill();
  ctx.report.kills += 1;
  const { result } = await ctx.db.afterKill(readAtKill);
  // Both to the end, even when one fails: a read that fails must not leave a start half done (or vice versa).
  const [atKill, restarted] = await Promise.allSettled([result, restart(ctx)]);
  if (restarted.status === 'rejected') throw restarted.reason;
  if (atKill.status === 'rejected') throw atKill.reason;
  return atKill.value;
}
