import { BATCH_SIZE } from '../../domain/registry/schools/run-school-import.js';
import type { ReportBuilder } from './fault-report.js';
import type { Query } from './scenario-database.js';
import type { SchoolFile } from './school-file.js';

export interface Batch {
  first_row: number;
  last_row: number;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** An import as the database holds it, with what its committed batches wrote. */
export interface ImportState {
  status: string;
  counts: { rows: number; created: number; updated: number; unchanged: number; rejected: number };
  lastCommittedRow: number | null;
  /** Schools this import created. */
  schools: number;
  distinctCodes: number;
  /** The audit rows of its batches, in file order. */
  batches: Batch[];
  /** Every school, and every history row, in the registry. */
  allSchools: number;
  history: number;
}

export async function readImportState(q: Query, importId: string): Promise<ImportState> {
  const [row] = await q<{ status: string; counts: ImportState['counts']; last_committed_row: number | null }>(
    'SELECT status, counts, last_committed_row FROM imports WHERE id = $1',
    [importId],
  );
  if (!row) throw new Error(`import ${importId} is not in the database`);
  const [mine] = await q<{ n: number; codes: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT code)::int AS codes FROM schools WHERE source_import_id = $1',
    [importId],
  );
  const batches = await q<Batch & Record<string, unknown>>(
    `SELECT (details->>'firstRow')::int AS first_row, (details->>'lastRow')::int AS last_row, (details->>'rows')::int AS rows,
            (details->>'created')::int AS created, (details->>'updated')::int AS updated, (details->>'unchanged')::int AS unchanged
       FROM audit_log WHERE action = 'import.schools.batch' AND entity = 'import' AND entity_id = $1
      ORDER BY (details->>'firstRow')::int, at`,
    [importId],
  );
  const [all] = await q<{ schools: number; history: number }>(
    'SELECT (SELECT count(*)::int FROM schools) AS schools, (SELECT count(*)::int FROM school_history) AS history',
  );
  return {
    status: row.status,
    counts: row.counts,
    lastCommittedRow: row.last_committed_row,
    schools: mine?.n ?? 0,
    distinctCodes: mine?.codes ?? 0,
    batches,
    allSchools: all?.schools ?? 0,
    history: all?.history ?? 0,
  };
}

/**
 * What must hold of an import's writes whenever it is looked at, however it was cut short: its batches follow one
 * another from row 1 without gap or overlap, each whole (20,000 rows, but the file's last), and the schools it
 * created are exactly those its batches say; nothing else is in the registry, and no row was written twice.
 */
export function checkBatches(
  report: ReportBuilder,
  state: ImportState,
  file: SchoolFile,
  schoolsBefore: number,
  when: string,
  batchSize = BATCH_SIZE,
): void {
  const total = file.schools.length;
  let expectedFirst = 1;
  for (const b of state.batches) {
    if (b.first_row > expectedFirst) {
      report.problem(
        'lost',
        `${when}: rows ${expectedFirst}-${b.first_row - 1} of ${file.name} are in no committed batch`,
        b.first_row - expectedFirst,
      );
    } else if (b.first_row < expectedFirst) {
      report.problem(
        'duplicated',
        `${when}: the batch of rows ${b.first_row}-${b.last_row} overlaps the one before (rows up to ${expectedFirst - 1})`,
        expectedFirst - b.first_row,
      );
    }
    const whole = b.rows === Math.min(batchSize, total - b.first_row + 1) && b.last_row - b.first_row + 1 === b.rows;
    report.check(
      1,
      whole,
      'half-written',
      () => `${when}: the batch of rows ${b.first_row}-${b.last_row} holds ${b.rows} rows, not a whole batch`,
    );
    expectedFirst = Math.max(expectedFirst, b.last_row + 1);
  }
  const created = state.batches.reduce((sum, b) => sum + b.created, 0);
  report.check(
    state.schools,
    state.schools === created,
    state.schools > created ? 'half-written' : 'lost',
    () => `${when}: the import's batches created ${created} schools, but ${state.schools} of its schools are in the registry`,
    Math.abs(state.schools - created),
  );
  const lastRow = state.batches.at(-1)?.last_row ?? 0;
  report.check(
    1,
    state.schools % batchSize === 0 || lastRow === total,
    'half-written',
    () =>
      `${when}: ${state.schools} schools written, not a whole number of ${batchSize}-row batches though the file's last row was not reached`,
  );
  report.check(
    1,
    state.distinctCodes === state.schools,
    'duplicated',
    () => `${when}: ${state.schools - state.distinctCodes} codes are in the registry twice`,
    state.schools - state.distinctCodes,
  );
  const others = state.allSchools - schoolsBefore - state.schools;
  report.check(
    1,
    others === 0,
    others > 0 ? 'duplicated' : 'lost',
    () => `${when}: the registry holds ${others} schools that no import of this run wrote`,
    Math.abs(others),
  );
  report.check(
    1,
    state.history === 0,
    'duplicated',
    () => `${when}: ${state.history} school_history rows, though every row of the files is a new school (rows written twice?)`,
    state.history,
  );
}

/** The record of an interrupted import against what its committed batches wrote. */
export function checkInterruptedRecord(
  report: ReportBuilder,
  record: { counts: ImportState['counts']; lastCommittedRow: number | null },
  atKill: ImportState,
  when: string,
): void {
  const rows = atKill.batches.reduce((sum, b) => sum + b.rows, 0);
  const lastRow = atKill.batches.at(-1)?.last_row ?? null;
  report.check(
    1,
    record.counts.created === atKill.schools && record.counts.rows === rows && record.lastCommittedRow === lastRow,
    'half-written',
    () =>
      `${when}: the interrupted import says ${record.counts.created} created of ${record.counts.rows} rows up to row ${record.lastCommittedRow}, ` +
      `but the database holds ${atKill.schools} of its schools in ${atKill.batches.length} batches of ${rows} rows up to row ${lastRow}`,
  );
}

interface SchoolRow {
  code: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

/** Every school of `file` is in the registry exactly once, as the file gives it, and its import completed with all of it. */
export async function checkImportedFile(
  q: Query,
  report: ReportBuilder,
  file: SchoolFile,
  importId: string,
  batchSize = BATCH_SIZE,
): Promise<void> {
  const state = await readImportState(q, importId);
  const total = file.schools.length;
  report.check(
    1,
    state.status === 'completed' &&
      state.counts.rows === total &&
      state.counts.created === total &&
      state.counts.updated === 0 &&
      state.counts.unchanged === 0 &&
      state.counts.rejected === 0,
    'other',
    () =>
      `${file.name}: the import ended ${state.status} with counts ${JSON.stringify(state.counts)}, not completed with ${total} rows created`,
  );
  const batches = Math.ceil(total / batchSize);
  report.check(
    state.batches.length,
    state.batches.length === batches,
    'duplicated',
    () => `${file.name}: ${state.batches.length} batch audit rows for ${batches} batches`,
    Math.abs(state.batches.length - batches),
  );
  const rows = await q<SchoolRow & Record<string, unknown>>(
    'SELECT code, name, ST_Y(location) AS lat, ST_X(location) AS lon FROM schools WHERE source_import_id = $1',
    [importId],
  );
  const byCode = new Map<string, SchoolRow[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  let lost = 0;
  let twice = 0;
  let wrong = 0;
  const examples: string[] = [];
  for (const s of file.schools) {
    const found = byCode.get(s.code) ?? [];
    byCode.delete(s.code);
    report.checked += 1;
    if (found.length === 0) {
      lost += 1;
      if (examples.length < 5) examples.push(`${s.code} missing`);
      continue;
    }
    if (found.length > 1) twice += found.length - 1;
    const r = found[0]!;
    if (
      r.name !== s.name ||
      r.lat === null ||
      r.lon === null ||
      Math.abs(r.lat - s.lat) > 1e-9 ||
      Math.abs(r.lon - s.lon) > 1e-9
    ) {
      wrong += 1;
      if (examples.length < 5) examples.push(`${s.code} is ${JSON.stringify(r)}`);
    }
  }
  const extra = [...byCode.values()].reduce((sum, list) => sum + list.length, 0);
  if (lost)
    report.problem('lost', `${file.name}: ${lost} of ${total} schools are not in the registry (${examples.join('; ')})`, lost);
  if (twice) report.problem('duplicated', `${file.name}: ${twice} schools are in the registry more than once`, twice);
  if (extra) report.problem('duplicated', `${file.name}: the import created ${extra} schools the file does not have`, extra);
  if (wrong)
    report.problem('half-written', `${file.name}: ${wrong} schools differ from the file (${examples.join('; ')})`, wrong);
}

/** Nothing of the imports is left running, queued in pg-boss to run again, or reviewed twice. */
export async function checkImportLeftovers(q: Query, report: ReportBuilder, imports: number): Promise<void> {
  const pending = await q<{ id: string; state: string }>(
    "SELECT id::text AS id, state FROM job_progress WHERE kind LIKE 'import.%' AND state IN ('queued', 'running')",
  );
  report.check(
    1,
    pending.length === 0,
    'other',
    () => `import jobs left ${pending.map((p) => p.state).join(', ')}: ${pending.map((p) => p.id).join(', ')}`,
    pending.length,
  );
  const boss = await q<{ id: string; state: string }>(
    "SELECT id::text AS id, state::text AS state FROM pgboss.job WHERE name LIKE 'import.%' AND state::text IN ('created', 'retry', 'active')",
  );
  report.check(
    1,
    boss.length === 0,
    'duplicated',
    () => `import jobs pg-boss would still run (again): ${boss.map((b) => `${b.id} ${b.state}`).join(', ')}`,
    boss.length,
  );
  const [reviews] = await q<{ n: number }>(
    'SELECT (count(*) - count(DISTINCT (school_id, kind)))::int AS n FROM registry_reviews',
  );
  report.check(
    1,
    reviews?.n === 0,
    'duplicated',
    () => `${reviews?.n} registry reviews are there twice for the same school`,
    reviews?.n ?? 0,
  );
  const [starts] = await q<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'import.start'");
  report.check(
    1,
    starts?.n === imports,
    'duplicated',
    () => `${starts?.n} imports started for ${imports} uploads`,
    Math.abs((starts?.n ?? 0) - imports),
  );
}
