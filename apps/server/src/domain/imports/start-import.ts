import { uuidv7 } from 'uuidv7';
import { findImport, insertImport, updateImport, type ImportRow } from '../../db/imports/imports.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Actor, type Ctx } from '../shared/context.js';

export type ImportKind = 'schools' | 'boundaries' | 'crosswalk';

export interface StartImportInput {
  kind: ImportKind;
  fileId: string;
  fileName: string;
  mapping: Record<string, string>;
  dryRun: boolean;
  validRowsOnly: boolean;
  options: Record<string, unknown>;
}

/** The job kind that runs an import of this kind. */
export const importJobKind = (kind: ImportKind) => `import.${kind}`;

/** Who may import what: schools within one's scope; boundaries and code systems only administrators. */
export function checkImportAllowed(ctx: Ctx, kind: ImportKind): Actor {
  const actor = requirePermission(ctx, 'registry.write');
  checkImportKindAllowed(actor, kind);
  return actor;
}

/** The part of the rule that depends on the kind; the job checks it again with the rights the user has by then. */
export function checkImportKindAllowed(actor: Actor, kind: ImportKind): void {
  // Boundaries and code systems change the geography everybody's scope is made of.
  if (kind !== 'schools' && actor.scope.kind !== 'all') {
    throw new AppError('FORBIDDEN', 'Only administrators can import admin boundaries and code crosswalks.');
  }
}

/** Records the import and queues its job in the same transaction, so neither exists without the other. */
export async function startImport(ctx: Ctx, jobs: JobQueue, input: StartImportInput): Promise<ImportRow> {
  const actor = checkImportAllowed(ctx, input.kind);
  const id = uuidv7();
  const row = await insertImport(ctx.tx, {
    id,
    kind: input.kind,
    dryRun: input.dryRun,
    validRowsOnly: input.validRowsOnly,
    fileId: input.fileId,
    fileName: input.fileName,
    mapping: input.mapping,
    options: input.options,
    createdBy: actor.via === 'system' ? null : actor.userId,
  });
  const jobId = await jobs.enqueue(
    importJobKind(input.kind),
    { importId: id },
    { ownerId: row.createdBy, tx: ctx.tx, singletonKey: `import:${id}` },
  );
  // The job that runs it, so a sweep that finds the job's process dead finds the import too (interrupt-import.ts).
  await updateImport(ctx.tx, id, { jobId });
  await audit(ctx, {
    action: 'import.start',
    entity: 'import',
    entityId: id,
    details: { kind: input.kind, dryRun: input.dryRun, jobId },
  });
  return (await findImport(ctx.tx, id)) ?? row;
}
