import type { Writable } from 'node:stream';
import type { ExportFilter } from '../../db/exports/schools-export.repository.js';
import { countExportSchools } from '../../db/exports/schools-export.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { writeSchoolsExport, type ExportFormat } from './write-schools-export.js';

/** Up to this many schools an export streams in the response; beyond, it becomes a job. */
export const STREAM_LIMIT = 20_000;

export type ExportPlan = { kind: 'stream'; rows: number } | { kind: 'job'; jobId: string };

/** Decides between streaming now and a background job, and audits the export either way. */
export async function planSchoolsExport(
  ctx: Ctx,
  jobs: JobQueue,
  input: { filter: ExportFilter; format: ExportFormat; forceJob: boolean },
): Promise<ExportPlan> {
  const actor = requirePermission(ctx, 'registry.read');
  const rows = await countExportSchools(ctx.database, ctx.tx, actor.scope, input.filter);
  if (!input.forceJob && rows <= STREAM_LIMIT) {
    await audit(ctx, { action: 'export.schools', entity: 'registry', entityId: null, details: { rows, format: input.format, streamed: true } });
    return { kind: 'stream', rows };
  }
  const jobId = await jobs.enqueue('export.schools', { userId: actor.userId, filter: input.filter, format: input.format }, { ownerId: actor.userId });
  await audit(ctx, { action: 'export.schools.start', entity: 'job', entityId: jobId, details: { rows, format: input.format } });
  return { kind: 'job', jobId };
}

export function streamSchoolsExport(ctx: Ctx, filter: ExportFilter, format: ExportFormat, out: Writable): Promise<{ rows: number }> {
  const actor = requirePermission(ctx, 'registry.read');
  return writeSchoolsExport(ctx.database, actor.scope, filter, format, out);
}
