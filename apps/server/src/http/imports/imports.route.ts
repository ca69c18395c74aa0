import { createImport, getImport as getEndpoint, ImportKind, type Import } from '@safeschools/contract';
import { z } from 'zod';
import { getImport } from '../../domain/imports/get-import.js';
import { checkImportAllowed, startImport } from '../../domain/imports/start-import.js';
import { resolveImportSource } from '../../domain/imports/resolve-import-source.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { ImportRow, ImportRowErrorRow } from '../../db/imports/imports.repository.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { receiveImport } from './receive-import.js';

const Fields = z.object({
  kind: ImportKind,
  mapping: z.string().max(20_000).optional(),
  options: z.string().max(20_000).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
  validRowsOnly: z.enum(['true', 'false']).optional(),
  fromImport: z.uuid().optional(),
});

function jsonObject(text: string | undefined, field: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AppError('VALIDATION_FAILED', `${field} must be a JSON object.`, [{ path: field, message: 'not a JSON object' }]);
}

export function presentImport(row: ImportRow, errors: ImportRowErrorRow[], errorsTotal: number): z.output<typeof Import> {
  const columns = Array.isArray(row.options.columns) ? (row.options.columns as unknown[]).map(String) : [];
  const { columns: _, ...options } = row.options;
  return {
    id: row.id,
    kind: row.kind as z.output<typeof Import>['kind'],
    status: row.status as z.output<typeof Import>['status'],
    dryRun: row.dryRun,
    validRowsOnly: row.validRowsOnly,
    fileName: row.fileName,
    mapping: row.mapping,
    columns,
    options,
    counts: row.counts,
    lastCommittedRow: row.lastCommittedRow,
    progress: row.progress,
    message: row.message,
    error: row.error,
    errors: errors.map((e) => ({ row: e.rowNumber, column: e.columnName, severity: e.severity as 'error' | 'warning', code: e.code, message: e.message, value: e.value })),
    errorsTotal,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function registerImportRoutes(app: App, services: Services): void {
  const maxBytes = services.config.MAX_UPLOAD_MB * 1024 * 1024;
  route(app, services.database, createImport, {
    scope: 'filtered',
    permission: 'registry.write',
    // The upload streams outside any transaction; the import row and its job are then written in one.
    transaction: false,
    handler: async ({ ctx, request }) => {
      const received = await receiveImport(ctx, request, services.storage, maxBytes, (fields) => {
        const kind = ImportKind.safeParse(fields.kind);
        if (!kind.success) throw new AppError('VALIDATION_FAILED', 'Send the field "kind" (schools, boundaries or crosswalk) before the file.');
        checkImportAllowed(ctx, kind.data);
      });
      const parsed = Fields.safeParse(received.fields);
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      }
      const f = parsed.data;
      const mapping = Object.fromEntries(Object.entries(jsonObject(f.mapping, 'mapping')).map(([k, v]) => [k, String(v as string)]));
      const row = await services.database.db.transaction(async (tx) => {
        const txCtx = { ...ctx, tx };
        const source = await resolveImportSource(txCtx, received.file, f.fromImport);
        return startImport(txCtx, services.jobs, {
          kind: f.kind,
          fileId: source.fileId,
          fileName: source.fileName,
          mapping,
          dryRun: f.dryRun === 'true',
          validRowsOnly: f.validRowsOnly === 'true',
          options: jsonObject(f.options, 'options'),
        });
      });
      return presentImport(row, [], 0);
    },
  });
  route(app, services.database, getEndpoint, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, params }) => {
      const { row, errors, errorsTotal } = await getImport(ctx, params.id);
      return presentImport(row, errors, errorsTotal);
    },
  });
}
