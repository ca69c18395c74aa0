import { findSessionByHash, deleteSession, touchSession } from '../../db/auth/sessions.repository.js';
import { findApiTokenByHash, markApiTokenUsed } from '../../db/auth/api-tokens.repository.js';
import { findUserById } from '../../db/users/users.repository.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../shared/app-error.js';
import type { Actor } from '../shared/context.js';
import { actorOfUser } from './actor-of-user.js';
import { hashSecret } from './secrets.js';

export interface ResolvedActor {
  actor: Actor;
  csrfToken: string | null;
}

/**
 * Who is calling: a bearer API token wins over the session cookie. A cookie that names no live session is
 * AUTH_SESSION_EXPIRED so the web app can say "sign in again" rather than "wrong password".
 */
export async function resolveActor(
  database: Database,
  credentials: { bearer?: string; sessionToken?: string },
  now: Date,
  sessionTtlHours: number,
): Promise<ResolvedActor | null> {
  const db = database.db;
  if (credentials.bearer) {
    const token = await findApiTokenByHash(db, hashSecret(credentials.bearer));
    if (!token || (token.expiresAt && token.expiresAt <= now)) throw new AppError('AUTH_TOKEN_INVALID');
    const user = await findUserById(db, token.userId);
    if (!user) throw new AppError('AUTH_TOKEN_INVALID');
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) await markApiTokenUsed(db, token.id, now);
    return { actor: actorOfUser(user, 'token', { tokenId: token.id }), csrfToken: null };
  }
  if (credentials.sessionToken) {
    const session = await findSessionByHash(db, hashSecret(credentials.sessionToken));
    if (!session) throw new AppError('AUTH_SESSION_EXPIRED');
    if (session.expiresAt <= now) {
      await deleteSession(db, session.id);
      throw new AppError('AUTH_SESSION_EXPIRED');
    }
    const user = await findUserById(db, session.userId);
    if (!user) throw new AppError('AUTH_SESSION_EXPIRED');
    await touchSession(db, session.id, now, new Date(now.getTime() + sessionTtlHours * 3_600_000));
    return { actor: actorOfUser(user, 'session', { sessionId: session.id }), csrfToken: session.csrfToken };
  }
  return null;
}
