import {
  committedBatches,
  findImport,
  transitionImport,
  updateImport,
  type ImportRow,
} from '../../db/imports/imports.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { ownInterruptedImport } from './own-interrupted-import.js';
import { importJobKind, type ImportKind } from './start-import.js';

/**
 * Queues an interrupted import again, in the request's transaction. Its run (run-import.ts) goes on after the last
 * batch committed, read again from the audit rows then, and adds to their counts; of boundaries, crosswalks and
 * checks nothing was written, so they run from the start.
 */
export async function resumeImport(ctx: Ctx, jobs: JobQueue, id: string): Promise<ImportRow> {
  const row = await ownInterruptedImport(ctx, id, 'resumed');
  const committed = await committedBatches(ctx.database, ctx.tx, id);
  const after = committed.lastRow ?? 0;
  const message = after > 0 ? `Resuming after row ${after}.` : 'Running again.';
  // Conditional on still being interrupted: of two resumes (or a resume and an abandon) at once, one wins.
  if (
    !(await transitionImport(
      ctx.tx,
      id,
      { status: 'interrupted' },
      { status: 'queued', instanceId: null, progress: 0, message, error: null },
    ))
  ) {
    throw new AppError('IMPORT_NOT_INTERRUPTED', 'This import was resumed or abandoned meanwhile.');
  }
  // The interrupted job was cancelled when the interruption was found; a new one carries the same singleton key.
  const jobId = await jobs.enqueue(
    importJobKind(row.kind as ImportKind),
    { importId: id },
    { ownerId: row.createdBy, tx: ctx.tx, singletonKey: `import:${id}` },
  );
  await updateImport(ctx.tx, id, { jobId });
  await audit(ctx, {
    action: 'import.resume',
    entity: 'import',
    entityId: id,
    details: { jobId, afterRow: after, created: committed.created, updated: committed.updated, unchanged: committed.unchanged },
  });
  return (await findImport(ctx.tx, id)) ?? row;
}
