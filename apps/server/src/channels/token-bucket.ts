/**
 * A per-channel send limiter: `perSecond` tokens are added each second up to `burst`, each send takes one. When a
 * provider answers 429 with Retry-After, `pauseFor` holds every sender on the channel until then, since the limit
 * the provider enforces is the account's, not one request's.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason as Error);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export class TokenBucket {
  readonly perSecond: number;
  readonly burst: number;
  private readonly clock: Clock;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;

  constructor(options: { perSecond: number; burst?: number; clock?: Clock }) {
    if (!(options.perSecond > 0)) throw new Error('perSecond must be above 0');
    this.perSecond = options.perSecond;
    this.burst = Math.max(1, Math.floor(options.burst ?? Math.ceil(options.perSecond)));
    this.clock = options.clock ?? systemClock;
    this.tokens = this.burst;
    this.refilledAt = this.clock.now();
  }

  /** Waits for a token (and for any pause to end); rejects when `signal` aborts while waiting. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason as Error;
      const now = this.clock.now();
      this.refill(now);
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now, signal);
        continue;
      }
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.perSecond), signal);
    }
  }

  /** Holds every sender for `ms` (a provider's Retry-After); the bucket starts empty after the pause. */
  pauseFor(ms: number): void {
    if (!(ms > 0)) return;
    const now = this.clock.now();
    this.refill(now);
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
    this.tokens = 0;
    this.refilledAt = this.pausedUntil;
  }

  /** Milliseconds until senders may go again after a pause (0 when not paused). */
  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.clock.now());
  }

  private refill(now: number): void {
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
    this.refilledAt = now;
  }
}
