import type { ScenarioName } from './fault-report.js';
import { parseSeed } from './seeded-random.js';

/** The knobs of a fault run; each can be set from the environment (FAULT_*), for either form. */
export interface FaultOptions {
  seed: number;
  /** Kills per scenario (and database). */
  kills: number;
  /** Rows of each generated school file of the import scenario (several 20,000-row batches). */
  importRows: number;
  /** Export jobs asked for at once in each round of the fan-out scenario. */
  exportJobs: number;
  /** Schools in the registry those jobs export (so each takes a while). */
  exportSchools: number;
  /** Drill writes fired at once in each round of the offline replay scenario. */
  drillWrites: number;
  /** Schools (with registry contacts) the alerts scenario's CAP alerts fall on. */
  alertSchools: number;
  /** CAP alerts uploaded at once in each round of the alerts scenario. */
  alertEvents: number;
  /** The server's e-mail rate (RATE_EMAIL_PER_SECOND) in the alerts scenario: delivery lasts seconds, to be killed in. */
  alertRate: number;
  /** How long states must stay unchanged after a restart for "nothing reruns silently". */
  settleMs: number;
  scenarios: ScenarioName[];
  /** `dist`, `source`, or undefined: the build when it is up to date (server-process.ts). */
  server: string | undefined;
}

export type FaultForm = 'short' | 'long';

const defaults: Record<FaultForm, Omit<FaultOptions, 'seed' | 'scenarios' | 'server'>> = {
  // `npm test`, on each database: at least two batches, two kills each.
  short: { kills: 2, importRows: 41_000, exportJobs: 6, exportSchools: 2_000, drillWrites: 50, alertSchools: 300, alertEvents: 2, alertRate: 100, settleMs: 2_000 },
  // `npm run fault`, for the release note.
  long: { kills: 20, importRows: 120_000, exportJobs: 12, exportSchools: 20_000, drillWrites: 100, alertSchools: 500, alertEvents: 3, alertRate: 100, settleMs: 3_000 },
};

export const allScenarios: readonly ScenarioName[] = ['import', 'exports', 'drills', 'alerts'];

function positive(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

/** The options of one form with the environment's FAULT_* knobs applied. */
export function faultOptions(form: FaultForm, env: Readonly<Record<string, string | undefined>>): FaultOptions {
  const d = defaults[form];
  const scenarios = (env.FAULT_SCENARIOS?.trim() || allScenarios.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of scenarios) {
    if (!allScenarios.includes(s as ScenarioName))
      throw new Error(`FAULT_SCENARIOS: unknown scenario "${s}" (${allScenarios.join(', ')})`);
  }
  return {
    seed: parseSeed(env.FAULT_SEED),
    kills: positive(env, 'FAULT_KILLS', d.kills),
    importRows: positive(env, 'FAULT_ROWS', d.importRows),
    exportJobs: positive(env, 'FAULT_EXPORT_JOBS', d.exportJobs),
    exportSchools: positive(env, 'FAULT_EXPORT_SCHOOLS', d.exportSchools),
    drillWrites: positive(env, 'FAULT_DRILLS', d.drillWrites),
    alertSchools: positive(env, 'FAULT_ALERT_SCHOOLS', d.alertSchools),
    alertEvents: positive(env, 'FAULT_ALERT_EVENTS', d.alertEvents),
    alertRate: positive(env, 'FAULT_ALERT_RATE', d.alertRate),
    settleMs: positive(env, 'FAULT_SETTLE_MS', d.settleMs),
    scenarios: scenarios as ScenarioName[],
    server: env.FAULT_SERVER?.trim() || undefined,
  };
}
