import { readFile } from 'node:fs/promises';
import type { Command } from '@safeschools/cli';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { buildEngineSnapshot } from '../domain/events/impact-engine.js';
import { impactReport, type ImpactReport } from '../domain/events/impact-report.js';
import { readHazardFile } from '../domain/events/read-hazard-file.js';
import { isAppError } from '../domain/shared/app-error.js';
import type { FigureTotal } from '../domain/shared/figure-total.js';
import { configOrExit } from './load-config.js';

const num = (n: number): string => n.toLocaleString('en-US');
/** A sum that may be unknown: "12 girls", or "girls unknown" when no school counted has the figure. */
const some = (f: FigureTotal, noun: string): string => (f.total === null ? `${noun} unknown` : `${num(f.total)} ${noun}`);

/** What the children total covers: the schools with an enrolment, and those without one. */
function children(t: ImpactReport['totals']): string {
  const c = t.children;
  const without = c.schoolsWithoutFigure > 0 ? `; ${num(c.schoolsWithoutFigure)} schools without one` : '';
  if (c.total === null) return 'children unknown (no affected school has an enrolment)';
  const bySex = `${some(t.girls, 'girls')}, ${some(t.boys, 'boys')}`;
  return `${num(c.total)} children (${bySex}) in ${num(c.schoolsWithFigure)} schools with an enrolment${without}`;
}

function summary(r: ImpactReport, say: (m: string) => void): void {
  say(`${r.event.title} (${r.event.kind}, ${r.event.status}${r.event.onset ? `, ${r.event.onset}` : ''})`);
  say(`Affected: ${num(r.totals.schools)} schools, by ${r.event.imt}; ${children(r.totals)}`);
  if (r.totals.expectedByDamageState.length) say(`Expected schools by damage state: ${r.totals.expectedByDamageState.map((x) => x.toFixed(1)).join(' / ')} (none first)`);
  for (const a of r.areas.slice(0, 20)) say(`  ${(a.name ?? '(no district)').padEnd(28)} ${num(a.schools).padStart(8)} schools ${some(a.children, 'children').padStart(16)}  max ${a.maxIntensity}`);
  if (r.areas.length > 20) say(`  ... and ${r.areas.length - 20} more districts`);
  for (const w of r.warnings) say(`Warning ${w.code}: ${w.message}`);
  say(`Computed over ${num(r.engine.schools)} schools in ${r.engine.computeMs} ms.`);
}

/** Impact of a hazard file on the current registry, printed; nothing is recorded. */
export const impactCommand: Command = {
  name: 'impact',
  summary: 'Which schools and how many children a hazard file (ShakeMap, CAP, track, footprint) reaches',
  usage: 'impact FILE [--json] [--track ID] [--intensity-property NAME]',
  options: {
    json: { type: 'boolean', description: 'Print the whole result as JSON (event, totals, areas, schools)' },
    track: { type: 'string', description: 'Storm id or name when the track file holds many storms' },
    'intensity-property': { type: 'string', description: 'GeoJSON footprint property holding an intensity' },
  },
  run: async ({ options, positionals, out }) => {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      out.error('Give one hazard file: safeschools impact FILE [--json]');
      return 64;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch {
      out.error(`Cannot read ${file}.`);
      return 66;
    }
    const config = configOrExit(out.error);
    if (!config) return 2;
    let parsed;
    try {
      const track = options.track as string | undefined;
      const prop = options['intensity-property'] as string | undefined;
      parsed = readHazardFile(bytes, file, { ...(track ? { track } : {}), ...(prop ? { intensityProperty: prop } : {}) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      out.error(`${error.code}: ${error.detail ?? ''}`);
      return 65;
    }
    const database = await openDatabase(config);
    try {
      await migrate(database);
      const report = await impactReport(database, await buildEngineSnapshot(database), parsed);
      if (options.json) out.json({ event: report.event, totals: report.totals, areas: report.areas, schools: report.schools, warnings: report.warnings });
      else summary(report, out.info);
    } finally {
      await database.close();
    }
  },
};
