import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { invitations } from '../schema.js';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(on: Executor, row: typeof invitations.$inferInsert): Promise<void> {
  await on.insert(invitations).values(row);
}

export async function findOpenInvitation(on: Executor, tokenHash: string): Promise<InvitationRow | undefined> {
  const rows = await on
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt)))
    .limit(1);
  return rows[0];
}

export async function markInvitationAccepted(on: Executor, id: string, now: Date): Promise<void> {
  await on.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, id));
}
