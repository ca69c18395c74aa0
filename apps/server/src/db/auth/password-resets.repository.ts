import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { passwordResets } from '../schema.js';

export type PasswordResetRow = typeof passwordResets.$inferSelect;

export async function insertPasswordReset(on: Executor, row: typeof passwordResets.$inferInsert): Promise<void> {
  await on.insert(passwordResets).values(row);
}

export async function findPasswordReset(on: Executor, tokenHash: string): Promise<PasswordResetRow | undefined> {
  const rows = await on.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

/** Marks the reset used unless it was already; false when another request used it first. */
export async function markPasswordResetUsed(on: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await on
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  return rows.length === 1;
}

/** A new password makes the user's other open reset links useless. */
export async function closeOpenPasswordResets(on: Executor, userId: string, at: Date): Promise<void> {
  await on
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

export async function deletePasswordResetsBefore(on: Executor, before: Date): Promise<void> {
  await on.delete(passwordResets).where(lt(passwordResets.expiresAt, before));
}
