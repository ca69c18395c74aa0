import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams } from './common.js';

export const ImportKind = z.enum(['schools', 'boundaries', 'crosswalk']);

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
    status: z.enum(['queued', 'running', 'validated', 'completed', 'rejected', 'failed']),
    dryRun: z.boolean(),
    validRowsOnly: z.boolean(),
    fileName: z.string(),
    /** Target field → source column, as given or as suggested from the column names. */
    mapping: z.record(z.string(), z.string()),
    /** Columns (or properties) found in the file, once it has been read. */
    columns: z.array(z.string()),
    options: z.record(z.string(), z.unknown()),
    counts: ImportCounts,
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
