import { ApiClient, pollUntil, sleep } from './api-client.js';
import {
  checkBatches,
  checkImportedFile,
  checkImportLeftovers,
  checkInterruptedRecord,
  readImportState,
} from './import-checks.js';
import { ADMIN, killAndRestart, type ScenarioContext } from './scenario-context.js';
import { generateSchoolFile, type SchoolFile } from './school-file.js';

interface ImportView {
  id: string;
  status: string;
  progress: number | null;
  counts: { rows: number; created: number; updated: number; unchanged: number; rejected: number };
  lastCommittedRow?: number | null;
  error: { code: string; message: string } | null;
}

const LONG = 30 * 60_000;
/** On PostgreSQL a restarted server finds a dead one's work at start, or within the minute after (its sweep). */
const SWEEP = 180_000;

/**
 * Imports generated school files through the API and kills the server at random points of them (checking the
 * file, writing batch after batch, between batches, after the end), restarting it at once each time. After each
 * kill the import must be interrupted with the counts of its committed batches (or have finished, or not have
 * started), with no batch half-written; it is then resumed, perhaps to be killed again. When it has completed, and
 * there are kills left, another file follows. In the end every school of every file is in the registry exactly once.
 */
export async function importScenario(ctx: ScenarioContext): Promise<void> {
  const { server, report, random, options, db } = ctx;
  await server.start();
  const admin = await ApiClient.signIn(() => server.url, ADMIN.email, ADMIN.password);
  const get = (id: string) => admin.expect<ImportView>(200, 'GET', `/api/v1/imports/${id}`);
  const done: { file: SchoolFile; importId: string }[] = [];
  let schoolsBefore = 0;
  while (report.kills < options.kills) {
    const file = generateSchoolFile(random, options.importRows, 10_000_000_000 + done.length * 10_000_000);
    const { id } = await admin.startSchoolImport(file.csv, file.name);
    ctx.log(`import ${id}: ${file.schools.length} rows`);
    let status = 'queued';
    /** The file rows its committed batches wrote: a resumed run skips them, and writes only after them. */
    let written = 0;
    while (status !== 'completed' && report.kills < options.kills) {
      // A random point of the run. Its first half of progress checks the whole file; its second reads it again and
      // writes a batch each 20,000 rows after those already written, progress standing still while a batch is
      // written (seconds), hence a longer wait after the point. Most kills land in the writing, where there is more to
      // get wrong; now and then once the import has finished (target 2: wait for the end).
      const phase = random.next();
      const writing = Math.max(0.5, 0.5 + (0.5 * written) / file.schools.length - 0.02);
      const target = phase < 0.2 ? random.between(0, 0.5) : phase < 0.95 ? random.between(writing, 0.995) : 2;
      const jitter = target < 0.5 ? random.int(0, 250) : random.int(0, 3_000);
      const seen = await pollUntil(
        () => get(id),
        (i) => !['queued', 'running'].includes(i.status) || (i.status === 'running' && (i.progress ?? 0) >= target),
        `import ${id} to reach ${target.toFixed(2)}`,
        LONG,
        50,
      );
      if (!['queued', 'running', 'completed'].includes(seen.status))
        throw new Error(`import ${id} ended ${seen.status}: ${JSON.stringify(seen.error)}`);
      await sleep(jitter);
      const atKill = await killAndRestart(ctx, (q) => readImportState(q, id));
      const when = `kill ${report.kills} (at ${(seen.progress ?? 0).toFixed(2)} + ${jitter} ms, import ${atKill.status})`;
      ctx.log(`${when}: ${atKill.schools} schools in ${atKill.batches.length} batches`);
      checkBatches(report, atKill, file, schoolsBefore, when);
      written = atKill.batches.at(-1)?.last_row ?? 0;
      status = await afterRestart(ctx, admin, id, atKill.status, when, (view) =>
        checkInterruptedRecord(report, { counts: view.counts, lastCommittedRow: view.lastCommittedRow ?? null }, atKill, when),
      );
    }
    await runToTheEnd(ctx, admin, id);
    done.push({ file, importId: id });
    schoolsBefore += file.schools.length;
  }
  const code = await server.stop();
  if (code !== 0) report.note(`the graceful stop at the end exited with ${code}`);
  await db.read(async (q) => {
    for (const { file, importId } of done) await checkImportedFile(q, report, file, importId);
    const [all] = await q<{ n: number }>('SELECT count(*)::int AS n FROM schools');
    report.check(
      1,
      all?.n === schoolsBefore,
      (all?.n ?? 0) > schoolsBefore ? 'duplicated' : 'lost',
      () => `the registry holds ${all?.n} schools; the files had ${schoolsBefore}`,
      Math.abs((all?.n ?? 0) - schoolsBefore),
    );
    await checkImportLeftovers(q, report, done.length);
  });
}

/**
 * The import as the restarted server shows it. Running when killed: it must become interrupted, with the counts of
 * its committed batches (checked by `checkRecord`), and stay so (not rerun behind the user's back) until resumed,
 * which this does. Queued when killed: it never started, and the restarted server starts it. Completed: it stays so.
 */
async function afterRestart(
  ctx: ScenarioContext,
  admin: ApiClient,
  id: string,
  atKill: string,
  when: string,
  checkRecord: (view: ImportView) => void,
): Promise<string> {
  const { report } = ctx;
  const get = () => admin.expect<ImportView>(200, 'GET', `/api/v1/imports/${id}`);
  if (atKill === 'completed' || atKill === 'queued') {
    const view = await get();
    if (atKill === 'completed')
      report.check(
        1,
        view.status === 'completed',
        'other',
        () => `${when}: a completed import is ${view.status} after the restart`,
      );
    else report.note(`${when}: the import had not started; the restarted server runs it`);
    return view.status;
  }
  if (atKill !== 'running') {
    report.problem('other', `${when}: the import was ${atKill} when killed`);
    return atKill;
  }
  const view = await pollUntil(get, (i) => i.status !== 'running', `${when}: the killed import to be marked interrupted`, SWEEP);
  if (
    !report.check(
      1,
      view.status === 'interrupted',
      'other',
      () => `${when}: the killed import is ${view.status} after the restart, not interrupted (${JSON.stringify(view.error)})`,
    )
  ) {
    return view.status;
  }
  checkRecord(view);
  // Left alone for a while, it must stay interrupted: pg-boss must not run it again on its own.
  await sleep(ctx.options.settleMs);
  const later = await get();
  report.check(
    1,
    later.status === 'interrupted',
    'other',
    () => `${when}: the interrupted import became ${later.status} without being resumed`,
  );
  if (later.status !== 'interrupted') return later.status;
  const resumed = await admin.expect<ImportView>(202, 'POST', `/api/v1/imports/${id}/resume`);
  return resumed.status;
}

/** Resumes (if interrupted) and waits, without kills, until the import has completed. */
async function runToTheEnd(ctx: ScenarioContext, admin: ApiClient, id: string): Promise<void> {
  for (;;) {
    const view = await pollUntil(
      () => admin.expect<ImportView>(200, 'GET', `/api/v1/imports/${id}`),
      (i) => !['queued', 'running'].includes(i.status),
      `import ${id} to finish`,
      LONG,
      250,
    );
    if (view.status === 'completed') return;
    if (view.status !== 'interrupted') throw new Error(`import ${id} ended ${view.status}: ${JSON.stringify(view.error)}`);
    // No kill since it was last resumed: whatever marked it interrupted took a live server for a dead one.
    ctx.report.problem('other', `import ${id} was marked interrupted though the server running it was not killed`);
    await admin.expect(202, 'POST', `/api/v1/imports/${id}/resume`);
  }
}
