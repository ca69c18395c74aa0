import { randomBytes } from 'node:crypto';
import { countAdministrators } from '../../db/users/users.repository.js';
import type { Database } from '../../db/database.js';
import { systemActor } from '../shared/context.js';
import { createActiveUser } from './create-user.js';

export type FirstAdminOutcome =
  | { kind: 'exists' }
  | { kind: 'created'; email: string }
  | { kind: 'generated'; email: string; password: string };

/**
 * The first administrator comes from ADMIN_EMAIL / ADMIN_PASSWORD. Without them, on a database with no
 * administrator, one is made with a one-time password that the caller prints once and never stores.
 */
export async function ensureFirstAdmin(
  database: Database,
  given: { email?: string; password?: string },
  now = new Date(),
): Promise<FirstAdminOutcome> {
  return database.db.transaction(async (tx) => {
    if ((await countAdministrators(tx)) > 0) return { kind: 'exists' as const };
    const ctx = { database, tx, actor: systemActor, requestId: 'startup', now };
    if (given.email && given.password) {
      await createActiveUser(ctx, { email: given.email, password: given.password, role: 'administrator', name: 'Administrator' });
      return { kind: 'created' as const, email: given.email };
    }
    const email = 'admin@safeschools.local';
    const password = randomBytes(15).toString('base64url');
    await createActiveUser(ctx, { email, password, role: 'administrator', name: 'Administrator' });
    return { kind: 'generated' as const, email, password };
  });
}
