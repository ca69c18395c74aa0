import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';

export interface TrackedRow extends Record<string, unknown> {
  id: string;
  state: string;
  notice_id: string;
  recipient_key: string;
  channel_rank: number;
}

/** The outbox row a provider's message id names, locked for the callback's transaction. */
export async function findByProviderMessage(database: Database, tx: Executor, provider: string, providerMessageId: string): Promise<TrackedRow | null> {
  const [row] = await database.rows<TrackedRow>(
    sql`SELECT id::text AS id, state, notice_id::text AS notice_id, recipient_key, channel_rank FROM notifications
        WHERE provider = ${provider} AND provider_message_id = ${providerMessageId}
        FOR UPDATE`,
    tx,
  );
  return row ?? null;
}

/** Moves a row to sent, delivered or read (the caller has checked it is a step forward). */
export async function advanceDelivery(database: Database, tx: Executor, id: string, state: 'sent' | 'delivered' | 'read', at: Date): Promise<void> {
  const when = sql`${at.toISOString()}::timestamptz`;
  await database.rows(
    sql`UPDATE notifications SET state = ${state}, sent_at = coalesce(sent_at, ${when}),
          delivered_at = ${state === 'sent' ? sql`delivered_at` : sql`coalesce(delivered_at, ${when})`},
          next_attempt_at = NULL, updated_at = ${when}
        WHERE id = ${id}`,
    tx,
  );
}
