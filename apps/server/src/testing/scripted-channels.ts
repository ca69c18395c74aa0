import type { ChannelAdapter, ChannelName, Channels, OutgoingMessage, SendOutcome } from '../channels/channel.js';
import { TokenBucket, type Clock } from '../channels/token-bucket.js';

/**
 * A clock that never waits: sleeping moves it forward. Token buckets and delivery share it, so rate limits and
 * Retry-After pauses are exercised without real time passing.
 */
export class VirtualClock implements Clock {
  private ms: number;
  readonly sleeps: number[] = [];
  constructor(start = Date.UTC(2026, 11, 10, 8, 0, 0)) {
    this.ms = start;
  }
  now(): number {
    return this.ms;
  }
  date(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    this.sleeps.push(ms);
    this.ms += Math.max(0, ms);
    return Promise.resolve();
  }
}

/** An adapter whose answers a test scripts per message; it records every call (what a provider would have got). */
export class ScriptedAdapter implements ChannelAdapter {
  readonly calls: OutgoingMessage[] = [];
  constructor(
    readonly channel: ChannelName,
    readonly provider: string,
    private readonly answer: (message: OutgoingMessage, nthCallToThisAddress: number) => SendOutcome | Promise<SendOutcome>,
  ) {}
  async send(message: OutgoingMessage): Promise<SendOutcome> {
    this.calls.push(message);
    return this.answer(message, this.calls.filter((c) => c.to === message.to).length);
  }
  callsTo(address: string): number {
    return this.calls.filter((c) => c.to === address).length;
  }
  async close(): Promise<void> {}
}

/** Channels made of scripted adapters, each with a token bucket on the virtual clock. */
export function scriptedChannels(adapters: ChannelAdapter[], clock: VirtualClock, rate = { perSecond: 5, burst: 5 }): Channels {
  const buckets = new Map<ChannelName, TokenBucket>();
  return {
    get: (channel) => adapters.find((a) => a.channel === channel) ?? null,
    rate: () => rate,
    bucket(channel) {
      let bucket = buckets.get(channel);
      if (!bucket) buckets.set(channel, (bucket = new TokenBucket({ ...rate, clock })));
      return bucket;
    },
    async close() {},
  };
}
