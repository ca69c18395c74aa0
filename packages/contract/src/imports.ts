import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams } from './common.js';

export const ImportKind = z.enum(['schools', 'boundaries', 'crosswalk']);

/**
 * `interrupted`: the server running it stopped (a crash, a kill); `counts` are what its committed batches wrote,
 * and it can be resumed or abandoned. `abandoned`: its author chose to keep only what was written by then.
 */
export const ImportStatus = z.enum(['queued', 'running', 'validated', 'completed', 'rejected', 'failed', 'interrupted', 'abandoned']);

export const ImportCounts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});

export const ImportRowError = z.object({
  /** 1-based data row (header not counted); 0 for a problem with the whole file. */
  row: z.number().int(),
  column: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});

export const Import = z
  .object({
    id: z.uuid(),
    kind: ImportKind,
    status: ImportStatus,
    dryRun: z.boolean(),
    validRowsOnly: z.boolean(),
    fileName: z.string(),
    /** Target field → source column, as given or as suggested from the column names. */
    mapping: z.record(z.string(), z.string()),
    /** Columns (or properties) found in the file, once it has been read. */
    columns: z.array(z.string()),
    options: z.record(z.string(), z.unknown()),
    counts: ImportCounts,
    /** The file row (1-based) of the last batch written before an interruption; a resumed run goes on after it. */
    lastCommittedRow: z.number().int().nullable(),
    progress: z.number().min(0).max(1).nullable(),
    message: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    /** The first problems by row; `errorsTotal` says how many there are in all. */
    errors: z.array(ImportRowError),
    errorsTotal: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Import' });

/** An import as a list shows it: what it is and how far it got, without its mapping, options or problems. */
export const ImportSummary = Import.pick({
  id: true,
  kind: true,
  status: true,
  dryRun: true,
  fileName: true,
  counts: true,
  lastCommittedRow: true,
  progress: true,
  error: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
}).meta({ id: 'ImportSummary' });

export const ImportListQuery = z.object({
  status: ImportStatus.optional(),
  /** `true`: only the caller's own imports (for an administrator, who otherwise sees everyone's). */
  mine: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * The imports the caller may see, newest first: their own, or everyone's for an administrator (the rule of
 * `getImport`). `status=interrupted` finds those to resume or abandon after a server stopped.
 */
export const listImports = endpoint({
  id: 'listImports',
  method: 'GET',
  path: '/api/v1/imports',
  summary: 'Imports, newest first: one\u2019s own, or everyone\u2019s for an administrator',
  tag: 'imports',
  query: ImportListQuery,
  response: z.object({ items: z.array(ImportSummary), nextCursor: z.string().nullable() }),
  auth: 'user',
});

/**
 * Multipart fields: `kind`, `file` (or `fromImport`, the id of an earlier dry run whose file to use again),
 * optional `mapping` (JSON object of field → column), `dryRun` and `validRowsOnly` ("true"/"false"), `options` (JSON).
 */
export const createImport = endpoint({
  id: 'createImport',
  method: 'POST',
  path: '/api/v1/imports',
  summary: 'Start an import of schools, admin boundaries or a code crosswalk (multipart); runs as a job',
  tag: 'imports',
  response: Import,
  successStatus: 202,
  auth: 'user',
});

export const getImport = endpoint({
  id: 'getImport',
  method: 'GET',
  path: '/api/v1/imports/:id',
  summary: 'Status, progress, counts and row-level problems of an import',
  tag: 'imports',
  params: IdParams,
  response: Import,
  auth: 'user',
});

/**
 * Queues an interrupted import again. A school import goes on from the row after its last committed batch (the file
 * is checked again in full, which writes nothing), adding to the counts already written; boundaries, crosswalks and
 * checks run again from the start. Only the author's own imports (any, for an administrator); 409
 * IMPORT_NOT_INTERRUPTED unless it is interrupted.
 */
export const resumeImport = endpoint({
  id: 'resumeImport',
  method: 'POST',
  path: '/api/v1/imports/:id/resume',
  summary: 'Resume an interrupted import after its last committed batch',
  tag: 'imports',
  params: IdParams,
  response: Import,
  successStatus: 202,
  auth: 'user',
});

/**
 * Gives up an interrupted import: it becomes `abandoned`, and what its committed batches wrote stays in the registry
 * (its message says how much). 409 IMPORT_NOT_INTERRUPTED unless it is interrupted.
 */
export const abandonImport = endpoint({
  id: 'abandonImport',
  method: 'POST',
  path: '/api/v1/imports/:id/abandon',
  summary: 'Abandon an interrupted import, keeping what was written',
  tag: 'imports',
  params: IdParams,
  response: Import,
  auth: 'user',
});
