import type { ImportSummary } from '@safeschools/contract';
import type { z } from 'zod';
import type { ImportRow } from '../../db/imports/imports.repository.js';

type Wire = z.output<typeof ImportSummary>;

/** An import in a list, field by field: never its file id, job, instance, mapping or options. */
export function presentImportSummary(row: ImportRow): Wire {
  return {
    id: row.id,
    kind: row.kind as Wire['kind'],
    status: row.status as Wire['status'],
    dryRun: row.dryRun,
    fileName: row.fileName,
    counts: {
      rows: row.counts.rows,
      created: row.counts.created,
      updated: row.counts.updated,
      unchanged: row.counts.unchanged,
      rejected: row.counts.rejected,
    },
    lastCommittedRow: row.lastCommittedRow,
    progress: row.progress,
    error: row.error ? { code: row.error.code, message: row.error.message } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
