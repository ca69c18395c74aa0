import { permissions, can } from '@safeschools/domain';
import type { UserRow } from '../../db/users/users.repository.js';
import { describeScope, type ScopeDescription } from '../users/describe-scope.js';
import type { Executor } from '../../db/database.js';

export interface MeView {
  user: UserRow;
  scope: ScopeDescription;
  permissions: string[];
  csrfToken: string | null;
}

export async function describeMe(on: Executor, user: UserRow, csrfToken: string | null): Promise<MeView> {
  return {
    user,
    scope: await describeScope(on, user),
    permissions: permissions.filter((p) => can(user.role as never, p)),
    csrfToken,
  };
}
