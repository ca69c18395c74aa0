import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { channelOptOuts, optOutLinks } from '../schema.js';

export type OptOutRow = typeof channelOptOuts.$inferSelect;
export type OptOutLinkRow = typeof optOutLinks.$inferSelect;

/** Writes the opt-out unless it exists; returns the new row, or undefined when it was there already. */
export async function insertOptOut(on: Executor, row: { channel: string; address: string; source: string; createdAt: Date }): Promise<OptOutRow | undefined> {
  const rows = await on.insert(channelOptOuts).values(row).onConflictDoNothing().returning();
  return rows[0];
}

/** Removes the opt-out; returns the removed row, or undefined when there was none. */
export async function deleteOptOut(on: Executor, channel: string, address: string): Promise<OptOutRow | undefined> {
  const rows = await on
    .delete(channelOptOuts)
    .where(and(eq(channelOptOuts.channel, channel), eq(channelOptOuts.address, address)))
    .returning();
  return rows[0];
}

/** The opt-outs of any of these addresses (lower-cased e-mails or E.164 numbers), on any channel. */
export async function optOutsOfAddresses(on: Executor, addresses: readonly string[]): Promise<OptOutRow[]> {
  if (addresses.length === 0) return [];
  return on.select().from(channelOptOuts).where(inArray(channelOptOuts.address, [...new Set(addresses)]));
}

/** The opt-outs among these exact (channel, address) pairs. */
export async function optOutsOfPairs(on: Executor, pairs: readonly { channel: string; address: string }[]): Promise<OptOutRow[]> {
  if (pairs.length === 0) return [];
  const conditions: SQL[] = pairs.map((p) => and(eq(channelOptOuts.channel, p.channel), eq(channelOptOuts.address, p.address))!);
  return on.select().from(channelOptOuts).where(or(...conditions));
}

export async function findOptOutLink(on: Executor, tokenHash: string): Promise<OptOutLinkRow | undefined> {
  const rows = await on.select().from(optOutLinks).where(eq(optOutLinks.tokenHash, tokenHash)).limit(1);
  return rows[0];
}
