import type { Problem } from '@safeschools/contract';
import type { OfflineEndpointId } from './offline-endpoints';

/**
 * A write kept on this device until the server has answered it. `pending` items are replayed in `seq` order;
 * a `failed` item was refused by the server (a 4xx) and waits for the user to discard or edit it.
 */
export interface OutboxItem {
  /** Assigned by the store, increasing: the order the writes were made in. */
  seq: number;
  endpointId: OfflineEndpointId;
  params: Record<string, string>;
  body: unknown;
  /** The request as it goes over the wire, kept for the user and for debugging. */
  method: string;
  path: string;
  /** Sent with every attempt, so the server answers a replay with the first answer instead of writing twice. */
  idempotencyKey: string;
  createdAt: string;
  attempts: number;
  state: 'pending' | 'failed';
  lastError: Problem | null;
}

export type NewOutboxItem = Omit<OutboxItem, 'seq'>;

/** Where the outbox keeps its items: IndexedDB in a browser, memory where IndexedDB is missing. */
export interface OutboxStore {
  add(item: NewOutboxItem): Promise<OutboxItem>;
  /** Every item, oldest first. */
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(seq: number): Promise<void>;
}
