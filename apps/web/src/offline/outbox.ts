import { ApiError, buildPath, type BodyOf, type Endpoint, type ParamsOf, type Problem, type ResponseOf } from '@safeschools/contract';
import { api } from '../api/client';
import { uuidv7 } from '../lib/uuid-v7';
import { indexedDbStore, memoryStore } from './indexed-db-store';
import { offlineEndpoints, type OfflineEndpoint, type OfflineEndpointId } from './offline-endpoints';
import type { OutboxItem, OutboxStore } from './outbox-item';
import { failureKind, isNetworkFailure } from './retry-policy';

export type SubmitResult<R> = { status: 'sent'; response: R } | { status: 'queued'; item: OutboxItem };
export type FlushResult = 'done' | 'stalled';

interface SubmitInput<K extends OfflineEndpointId> {
  params: ParamsOf<OfflineEndpoint<K>> & Record<string, string>;
  body: BodyOf<OfflineEndpoint<K>>;
}

type SentListener = (item: OutboxItem, response: unknown) => void;

function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { type: 'about:blank', title: 'Unexpected error', status: 0, code: 'UNEXPECTED', detail: String(error) };
}

/**
 * The queue of writes waiting for the server. A write is tried at once; when the network is down it is kept
 * and replayed later, oldest first, with the Idempotency-Key it was given when it was made.
 */
export class Outbox {
  private items: readonly OutboxItem[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<SentListener>();
  private flushing: Promise<FlushResult> | null = null;
  private loaded: Promise<void> | null = null;

  constructor(private readonly store: OutboxStore) {}

  /** Tries the write now; if the network is down, or earlier writes still wait, keeps it for later instead. */
  async submit<K extends OfflineEndpointId>(endpointId: K, input: SubmitInput<K>): Promise<SubmitResult<ResponseOf<OfflineEndpoint<K>>>> {
    const ep: Endpoint = offlineEndpoints[endpointId];
    const idempotencyKey = uuidv7();
    await this.load();
    // Behind a waiting write, this one waits too: a later write must never overtake an earlier one.
    if (!this.items.some((item) => item.state === 'pending')) {
      try {
        const response = await api(ep, { params: input.params, body: input.body, idempotencyKey });
        return { status: 'sent', response: response as ResponseOf<OfflineEndpoint<K>> };
      } catch (error) {
        if (!isNetworkFailure(error)) throw error;
      }
    }
    const item = await this.store.add({
      endpointId,
      params: input.params,
      body: input.body,
      method: ep.method,
      path: buildPath(ep.path, input.params),
      idempotencyKey,
      createdAt: new Date().toISOString(),
      attempts: 0,
      state: 'pending',
      lastError: null,
    });
    await this.refresh();
    return { status: 'queued', item };
  }

  /**
   * Replays the pending writes in order. Stops at the first that cannot reach the server (`stalled`), so order
   * is kept; a write the server refuses is marked failed and the next one is tried.
   */
  flush(): Promise<FlushResult> {
    this.flushing ??= this.replay().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Puts a refused write back in the queue, to be tried again by the next replay. */
  async retry(seq: number): Promise<FlushResult> {
    const item = this.items.find((i) => i.seq === seq);
    if (item) await this.store.put({ ...item, state: 'pending' });
    await this.refresh();
    return this.flush();
  }

  /** Drops a write for good; only ever at the user's request. */
  async discard(seq: number): Promise<void> {
    await this.store.remove(seq);
    await this.refresh();
  }

  /** The items as last read from the store, oldest first; the same array until something changes. */
  snapshot = (): readonly OutboxItem[] => this.items;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    void this.load();
    return () => this.listeners.delete(listener);
  };

  /** Called after a queued write reached the server, so a page can reload what it shows. */
  onSent(listener: SentListener): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Reads the store once (first use), so the count is right before anything is written in this tab. */
  load(): Promise<void> {
    this.loaded ??= this.refresh();
    return this.loaded;
  }

  private async refresh(): Promise<void> {
    this.items = await this.store.all();
    for (const listener of this.listeners) listener();
  }

  private async replay(): Promise<FlushResult> {
    await this.load();
    for (const item of await this.store.all()) {
      if (item.state !== 'pending') continue;
      try {
        const ep: Endpoint = offlineEndpoints[item.endpointId];
        const response = await api(ep, { params: item.params, body: item.body, idempotencyKey: item.idempotencyKey });
        await this.store.remove(item.seq);
        await this.refresh();
        for (const listener of this.sentListeners) listener(item, response);
      } catch (error) {
        const refused = failureKind(error) === 'refused';
        await this.store.put({ ...item, attempts: item.attempts + 1, lastError: problemOf(error), state: refused ? 'failed' : 'pending' });
        await this.refresh();
        if (!refused) return 'stalled';
      }
    }
    return 'done';
  }
}

/** The app's one outbox: in IndexedDB when the browser has it. */
export const outbox = new Outbox(globalThis.indexedDB ? indexedDbStore(globalThis.indexedDB) : memoryStore());
