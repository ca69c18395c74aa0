import type { User } from '@safeschools/contract';
import type { z } from 'zod';
import type { UserRow } from '../../db/users/users.repository.js';
import type { ScopeDescription } from '../../domain/users/describe-scope.js';

type UserView = z.output<typeof User>;

/** Allow-list: never the password hash, never fields added later without a decision. */
export function presentUser(user: UserRow, scope: ScopeDescription): UserView {
  return {
    id: user.id,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    deletedAt: user.deletedAt?.toISOString() ?? null,
    email: user.email,
    name: user.name,
    role: user.role as UserView['role'],
    language: user.language as UserView['language'],
    phone: user.phone,
    channels: user.channels as UserView['channels'],
    status: user.status as UserView['status'],
    scope,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
