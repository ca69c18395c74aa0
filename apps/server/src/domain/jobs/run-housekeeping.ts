import type { Database } from '../../db/database.js';
import { deleteExpiredSessions } from '../../db/auth/sessions.repository.js';
import { deleteFailuresBefore } from '../../db/auth/login-failures.repository.js';
import { deleteStoredResponsesBefore } from '../../db/idempotency/idempotency.repository.js';
import { deletePasswordResetsBefore } from '../../db/auth/password-resets.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each kind of short-lived row is kept. */
export const retention = { idempotencyKeysMs: 7 * DAY_MS, loginFailuresMs: DAY_MS } as const;

/**
 * Deletes rows that have done their work: expired sessions, idempotency keys a client can no longer replay,
 * login failures outside any rate-limit window, and password-reset links a day after they expired. Idempotent: running it twice deletes nothing more.
 */
export async function runHousekeeping(database: Database, now: Date): Promise<{ ranAt: string }> {
  await deleteExpiredSessions(database.db, now);
  await deleteStoredResponsesBefore(database.db, new Date(now.getTime() - retention.idempotencyKeysMs));
  await deleteFailuresBefore(database.db, new Date(now.getTime() - retention.loginFailuresMs));
  // Kept a day past expiry, so a late click is told "expired" rather than "unknown".
  await deletePasswordResetsBefore(database.db, new Date(now.getTime() - DAY_MS));
  return { ranAt: now.toISOString() };
}
