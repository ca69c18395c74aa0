import { useEffect, useSyncExternalStore } from 'react';
import { outbox } from './outbox';
import type { OutboxItem } from './outbox-item';
import { startOutboxSync } from './outbox-sync';

/** The writes waiting on this device, oldest first, kept up to date. */
export function useOutboxItems(): readonly OutboxItem[] {
  return useSyncExternalStore(outbox.subscribe, outbox.snapshot, outbox.snapshot);
}

/** Replays the outbox while `enabled` (a signed-in user: replays need the session cookie). */
export function useOutboxSync(enabled: boolean): void {
  useEffect(() => (enabled ? startOutboxSync(outbox) : undefined), [enabled]);
}

/** Calls `onSent` whenever a queued write matching `matches` has reached the server. */
export function useOutboxSent(matches: (item: OutboxItem) => boolean, onSent: () => void): void {
  useEffect(() => outbox.onSent((item) => (matches(item) ? onSent() : undefined)));
}
