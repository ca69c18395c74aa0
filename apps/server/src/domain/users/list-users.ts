import { findVisibleUser, listVisibleUsers, maxUserChangeSeq, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodePageCursor, decodeSyncCursor, pageFrom, type Page } from '../shared/cursor.js';

export async function listUsers(ctx: Ctx, query: { q?: string; cursor?: string; since?: string; limit: number }): Promise<Page<UserRow>> {
  const actor = requirePermission(ctx, 'users.manage');
  if (query.since !== undefined) {
    const since = decodeSyncCursor(query.since);
    const rows = await listVisibleUsers(ctx.tx, actor.scope, { sinceSeq: since, limit: query.limit, ...(query.q ? { q: query.q } : {}) });
    return pageFrom(rows, query.limit, { since });
  }
  const tableSeq = await maxUserChangeSeq(ctx.tx);
  const rows = await listVisibleUsers(ctx.tx, actor.scope, {
    limit: query.limit,
    ...(query.q ? { q: query.q } : {}),
    ...(query.cursor ? { afterId: decodePageCursor(query.cursor) } : {}),
  });
  return pageFrom(rows, query.limit, { tableSeq });
}

export async function getUser(ctx: Ctx, id: string): Promise<UserRow> {
  const actor = requirePermission(ctx, 'users.manage');
  const user = await findVisibleUser(ctx.tx, actor.scope, id);
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}
