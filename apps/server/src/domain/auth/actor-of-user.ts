import { isRole, scopeFor } from '@safeschools/domain';
import type { UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import type { Actor } from '../shared/context.js';

export function actorOfUser(user: UserRow, via: Actor['via'], ids: { sessionId?: string; tokenId?: string } = {}): Actor {
  if (!isRole(user.role)) throw new Error(`user ${user.id} has unknown role ${user.role}`);
  if (user.status !== 'active' || user.deletedAt) throw new AppError('AUTH_ACCOUNT_DISABLED', 'This account is disabled.');
  return { userId: user.id, role: user.role, scope: scopeFor(user.role, user.scopeAreaIds, user.scopeSchoolIds), via, ...ids };
}
