import path from 'node:path';
import { ApiClient, pollFor, pollUntil, sleep } from './api-client.js';
import { checkExportsAtTheEnd, ENDED, readJobStates, type JobState } from './export-checks.js';
import { ADMIN, killAndRestart, type ScenarioContext } from './scenario-context.js';
import { generateSchoolFile } from './school-file.js';

interface JobView {
  id: string;
  state: string;
  result: { fileId?: string; rows?: number } | null;
  error: { code: string; message: string } | null;
}

const LONG = 20 * 60_000;

/**
 * A fan-out of jobs: many exports of a registry asked for at once (they run one after another), the server killed
 * while one of them runs (a random one, at a random moment of it) and started again at once. Every job must end
 * where the user sees it: completed with one whole file, or interrupted or failed; none stuck, none run twice, and
 * none run again later (the states stay put after the restart, and pg-boss holds none of them any more).
 */
export async function exportsScenario(ctx: ScenarioContext): Promise<void> {
  const { server, report, random, options, db } = ctx;
  await server.start();
  const admin = await ApiClient.signIn(() => server.url, ADMIN.email, ADMIN.password);
  const file = generateSchoolFile(random, options.exportSchools, 20_000_000_000);
  const started = await admin.startSchoolImport(file.csv, file.name);
  await pollUntil(
    () => admin.expect<{ status: string }>(200, 'GET', `/api/v1/imports/${started.id}`),
    (i) => i.status === 'completed',
    'the registry to export',
    LONG,
    250,
  );
  const getJob = (id: string) => admin.expect<JobView>(200, 'GET', `/api/v1/jobs/${id}`);
  const startExport = async () =>
    (await admin.expect<{ jobId: string }>(202, 'GET', '/api/v1/exports/schools?format=csv&async=always')).jobId;
  const lines = file.schools.length + 1;
  /** A completed job's file must hold the whole registry: a header and a line per school. */
  const checkFile = async (job: JobView, when: string) => {
    const r = await admin.get(`/api/v1/files/${job.result?.fileId}/content`);
    const got = r.status === 200 ? r.text.split('\n').filter((l) => l.trim()).length : -1;
    report.check(
      got > 0 ? got : 1,
      got === lines,
      'half-written',
      () => `${when}: the file of export ${job.id} has ${got} lines (status ${r.status}), not ${lines}`,
    );
  };

  // One export alone first: how long one takes sets the range of the kill moments.
  const t0 = Date.now();
  const first = await startExport();
  const alone = await pollUntil(
    () => getJob(first),
    (j) => ENDED.includes(j.state),
    'a single export',
    LONG,
    100,
  );
  const oneMs = Date.now() - t0;
  if (alone.state !== 'completed')
    throw new Error(`a single export without kills ended ${alone.state}: ${JSON.stringify(alone.error)}`);
  await checkFile(alone, 'the first export');
  ctx.log(`one export of ${file.schools.length} schools takes ${oneMs} ms`);
  const all = [first];

  for (let round = 1; round <= options.kills; round++) {
    const ids: string[] = [];
    for (let i = 0; i < options.exportJobs; i++) ids.push(await startExport());
    all.push(...ids);
    const victim = random.int(0, ids.length - 1);
    const jitter = random.int(0, oneMs);
    await pollUntil(
      () => getJob(ids[victim]!),
      (j) => j.state !== 'queued',
      `export ${victim + 1} of round ${round} to start`,
      LONG,
      50,
    );
    await sleep(jitter);
    const atKill = await killAndRestart(ctx, (q) => readJobStates(q, ids));
    const when = `kill ${report.kills} (export ${victim + 1}/${ids.length} + ${jitter} ms)`;
    const counts = (state: string) => [...atKill.values()].filter((j) => j.state === state).length;
    ctx.log(`${when}: ${counts('completed')} completed, ${counts('running')} running, ${counts('queued')} queued`);

    // The jobs left run one after another; a job that does not end by then is stuck (reported, not waited for).
    const patience = 120_000 + 3 * oneMs * ids.length;
    const polled = await pollFor(
      () => Promise.all(ids.map(getJob)),
      (js) => js.every((j) => ENDED.includes(j.state)),
      patience,
      250,
    );
    const ended = polled.value ?? (await Promise.all(ids.map(getJob)));
    for (const job of ended.filter((j) => !ENDED.includes(j.state))) {
      report.problem(
        'other',
        `${when}: export ${job.id} (${atKill.get(job.id)?.state} when killed, pg-boss: ${atKill.get(job.id)?.queue}) is still ${job.state} ${patience / 1000} s after the restart`,
      );
    }
    for (const job of ended) checkAfterRestart(ctx, job, atKill.get(job.id), when);
    for (const job of ended) if (job.state === 'completed') await checkFile(job, when);
    // Left alone, nothing may change: an interrupted job is not run again, a completed one not run twice.
    await sleep(options.settleMs);
    const later = await Promise.all(ids.map(getJob));
    for (const [i, job] of later.entries()) {
      const before = ended[i]!;
      report.check(
        1,
        job.state === before.state && job.result?.fileId === before.result?.fileId,
        'duplicated',
        () =>
          `${when}: export ${job.id} went from ${before.state} to ${job.state} (file ${before.result?.fileId} → ${job.result?.fileId}) without being asked`,
      );
    }
  }
  const code = await server.stop();
  if (code !== 0) report.note(`the graceful stop at the end exited with ${code}`);
  await db.read((q) => checkExportsAtTheEnd(q, report, all, path.join(db.dataDir, 'files')));
}

/** A job running when killed must not complete after the restart (that is a second run); a completed one stays so. */
function checkAfterRestart(ctx: ScenarioContext, job: JobView, atKill: JobState | undefined, when: string): void {
  const { report } = ctx;
  report.checked += 1;
  if (!atKill) {
    report.problem('lost', `${when}: export ${job.id} was not in the database when the server was killed`);
    return;
  }
  if (atKill.state === 'running' && job.state === 'completed') {
    report.problem('duplicated', `${when}: export ${job.id} was running when killed and ran again after the restart`);
  } else if (atKill.state === 'completed' && (job.state !== 'completed' || job.result?.fileId !== atKill.fileId)) {
    report.problem(
      'other',
      `${when}: export ${job.id} had completed with file ${atKill.fileId}, and is now ${job.state} with ${job.result?.fileId}`,
    );
  } else if (job.state === 'failed' || (job.state === 'interrupted' && atKill.state !== 'running')) {
    report.note(`${when}: export ${job.id} (${atKill.state} when killed) ended ${job.state}: ${job.error?.code}`);
  }
}
