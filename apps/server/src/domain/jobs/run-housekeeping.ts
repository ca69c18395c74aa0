import type { Database } from '../../db/database.js';
import { deleteExpiredSessions } from '../../db/auth/sessions.repository.js';
import { deleteFailuresBefore } from '../../db/auth/login-failures.repository.js';
import { deleteStoredResponsesBefore } from '../../db/idempotency/idempotency.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each kind of short-lived row is kept. */
export const retention = { idempotencyKeysMs: 7 * DAY_MS, loginFailuresMs: DAY_MS } as const;

/**
 * Deletes rows that have done their work: expired sessions, idempotency keys a client can no longer replay,
 * and login failures outside any rate-limit window. Idempotent: running it twice deletes nothing more.
 */
export async function runHousekeeping(database: Database, now: Date): Promise<{ ranAt: string }> {
  await deleteExpiredSessions(database.db, now);
  await deleteStoredResponsesBefore(database.db, new Date(now.getTime() - retention.idempotencyKeysMs));
  await deleteFailuresBefore(database.db, new Date(now.getTime() - retention.loginFailuresMs));
  return { ranAt: now.toISOString() };
}
