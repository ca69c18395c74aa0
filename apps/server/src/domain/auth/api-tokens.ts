import { uuidv7 } from 'uuidv7';
import { insertApiToken, listApiTokensOf, revokeApiTokenOf, type ApiTokenRow } from '../../db/auth/api-tokens.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requireActor, type Ctx } from '../shared/context.js';
import { hashSecret, newSecret } from './secrets.js';

export async function createApiToken(ctx: Ctx, input: { name: string; expiresInDays?: number }): Promise<{ row: ApiTokenRow; token: string }> {
  const actor = requireActor(ctx);
  // A token cannot mint tokens: a leaked script token must not be able to outlive its own revocation.
  if (actor.via === 'token') throw new AppError('FORBIDDEN', 'Sign in with a password to create API tokens.');
  const token = newSecret('ss_');
  const row = await insertApiToken(ctx.tx, {
    id: uuidv7(),
    userId: actor.userId,
    name: input.name,
    tokenHash: hashSecret(token),
    expiresAt: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000) : null,
  });
  await audit(ctx, { action: 'api-token.create', entity: 'api_token', entityId: row.id });
  return { row, token };
}

export async function listApiTokens(ctx: Ctx): Promise<ApiTokenRow[]> {
  return listApiTokensOf(ctx.tx, requireActor(ctx).userId);
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  if (!(await revokeApiTokenOf(ctx.tx, actor.userId, id, ctx.now))) throw new AppError('NOT_FOUND');
  await audit(ctx, { action: 'api-token.revoke', entity: 'api_token', entityId: id });
}
