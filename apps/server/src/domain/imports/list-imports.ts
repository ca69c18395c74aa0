import { listImportRows, type ImportRow } from '../../db/imports/imports.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodeImportCursor, encodeImportCursor } from './import-cursor.js';

export interface ImportListQuery {
  status?: string;
  mine?: 'true' | 'false';
  cursor?: string;
  limit: number;
}

/**
 * Imports newest first, a page at a time, by the rule of `getImport`: one's own, or everyone's for someone who sees
 * everything (unless they ask for their own only).
 */
export async function listImports(ctx: Ctx, query: ImportListQuery): Promise<{ items: ImportRow[]; nextCursor: string | null }> {
  const actor = requirePermission(ctx, 'registry.read');
  const everyone = actor.scope.kind === 'all' && query.mine !== 'true';
  const rows = await listImportRows(ctx.tx, {
    limit: query.limit,
    ...(everyone ? {} : { createdBy: actor.userId }),
    ...(query.status ? { status: query.status } : {}),
    ...(query.cursor ? { after: decodeImportCursor(query.cursor) } : {}),
  });
  const last = rows.at(-1);
  return {
    items: rows.map((r) => r.row),
    nextCursor: rows.length === query.limit && last ? encodeImportCursor(last.createdAtExact, last.row.id) : null,
  };
}
