import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportBuilder } from './fault-report.js';
import type { Query } from './scenario-database.js';

export interface JobState {
  id: string;
  state: string;
  fileId: string | null;
  /** pg-boss's own state of the job: whether the queue would still hand it out. */
  queue: string | null;
}

export const ENDED = ['completed', 'failed', 'cancelled', 'interrupted'];
/** pg-boss states from which a job will still be handed to a worker. */
const QUEUED = ['created', 'retry', 'active'];

export async function readJobStates(q: Query, ids: readonly string[]): Promise<Map<string, JobState>> {
  const rows = await q<{ id: string; state: string; file_id: string | null; queue: string | null }>(
    `SELECT p.id::text AS id, p.state, p.result->>'fileId' AS file_id, j.state::text AS queue
       FROM job_progress p LEFT JOIN pgboss.job j ON j.id = p.id
      WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, state: r.state, fileId: r.file_id, queue: r.queue }]));
}

/**
 * In the end, after every kill: each export job ended (completed, or interrupted or failed where the user sees it),
 * none will be handed out again by pg-boss, each completed one has exactly one stored file, audited once, whose
 * blob is whole; no file was stored that no job gives as its result (a second run of one job, or a run whose end
 * was not recorded: either way one request left two files, or a file its job does not know).
 */
export async function checkExportsAtTheEnd(
  q: Query,
  report: ReportBuilder,
  jobIds: readonly string[],
  filesDir: string,
): Promise<void> {
  const states = await readJobStates(q, jobIds);
  const results = new Set<string>();
  for (const id of jobIds) {
    const job = states.get(id);
    report.checked += 1;
    if (!job) {
      report.problem('lost', `export job ${id} has no job_progress row`);
      continue;
    }
    const held = job.queue !== null && QUEUED.includes(job.queue);
    if (!ENDED.includes(job.state)) {
      report.problem('other', `export job ${id} is left ${job.state} (pg-boss: ${job.queue ?? 'no job'})`);
    } else if (held) {
      report.problem(
        'duplicated',
        `export job ${id} is ${job.state}, but pg-boss holds it ${job.queue}: it would run again when its lease expires`,
      );
    }
    if (job.state === 'completed') {
      if (job.fileId) results.add(job.fileId);
      else report.problem('lost', `export job ${id} completed without a file`);
    }
  }
  const files = await q<{ id: string; storage_key: string; size: number; sha256: string }>(
    "SELECT id::text AS id, storage_key, size::int AS size, sha256 FROM files WHERE storage_key LIKE 'exports/%'",
  );
  const stored = new Set<string>();
  for (const f of files) {
    stored.add(f.storage_key);
    report.checked += 1;
    if (!results.has(f.id))
      report.problem(
        'duplicated',
        `export file ${f.id} is the result of no completed job (a second run, or a run whose end was not recorded)`,
      );
    const blob = await readFile(path.join(filesDir, f.storage_key)).catch(() => null);
    const whole = blob !== null && blob.length === f.size && createHash('sha256').update(blob).digest('hex') === f.sha256;
    if (!whole)
      report.problem(
        'half-written',
        `export file ${f.id}: its stored bytes are ${blob ? `${blob.length} bytes not matching the row` : 'missing'}`,
      );
  }
  for (const fileId of results)
    if (!files.some((f) => f.id === fileId)) report.problem('lost', `the file ${fileId} of a completed export job is not stored`);
  const audits = await q<{ entity_id: string; n: number }>(
    "SELECT entity_id, count(*)::int AS n FROM audit_log WHERE action = 'export.schools' AND entity = 'file' GROUP BY entity_id",
  );
  for (const a of audits) {
    report.checked += 1;
    if (a.n > 1) report.problem('duplicated', `export file ${a.entity_id} was audited ${a.n} times`, a.n - 1);
    if (!results.has(a.entity_id))
      report.problem('duplicated', `an export of file ${a.entity_id} was audited, but no completed job has that file`);
  }
  for (const fileId of results)
    if (!audits.some((a) => a.entity_id === fileId)) report.problem('lost', `the export of file ${fileId} has no audit row`);
  // Not wrong (nobody sees them), but worth knowing: bytes a killed export left behind.
  const names = await readdir(path.join(filesDir, 'exports')).catch(() => [] as string[]);
  const leftovers = names.filter((n) => !stored.has(`exports/${n}`));
  if (leftovers.length)
    report.note(`${leftovers.length} export blob(s) or temporary file(s) without a file row are left in DATA_DIR/files/exports`);
}
