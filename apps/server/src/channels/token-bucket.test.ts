import { describe, expect, it } from 'vitest';
import { TokenBucket, type Clock } from './token-bucket.js';

/** A clock that moves only when the test says so. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  let sleepers: { at: number; resolve(): void }[] = [];
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const sleeper = { at: now + ms, resolve };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers = sleepers.filter((s) => s !== sleeper);
          reject(signal.reason as Error);
        });
      }),
    advance(ms) {
      now += ms;
      const due = sleepers.filter((s) => s.at <= now);
      sleepers = sleepers.filter((s) => s.at > now);
      for (const s of due) s.resolve();
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function track(promise: Promise<void>) {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (error: unknown) => (state.error = error),
  );
  return state;
}

describe('TokenBucket', () => {
  it('lets a burst through at once, then one per refill interval', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ perSecond: 10, burst: 3, clock });
    for (let i = 0; i < 3; i++) await bucket.take();
    const fourth = track(bucket.take());
    await settle();
    expect(fourth.done).toBe(false);
    clock.advance(99);
    await settle();
    expect(fourth.done).toBe(false);
    clock.advance(1);
    await settle();
    expect(fourth.done).toBe(true);
  });

  it('refills up to the burst, not beyond', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ perSecond: 5, burst: 2, clock });
    await bucket.take();
    await bucket.take();
    clock.advance(10_000);
    await bucket.take();
    await bucket.take();
    const third = track(bucket.take());
    await settle();
    expect(third.done).toBe(false);
  });

  it('holds every sender during a Retry-After pause, and starts empty after it', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ perSecond: 10, burst: 10, clock });
    bucket.pauseFor(2_000);
    expect(bucket.pausedForMs()).toBe(2_000);
    const a = track(bucket.take());
    const b = track(bucket.take());
    await settle();
    clock.advance(1_999);
    await settle();
    expect([a.done, b.done]).toEqual([false, false]);
    clock.advance(1);
    await settle();
    // The bucket is empty when the pause ends: the first token comes 100 ms later, the second 100 ms after that.
    expect([a.done, b.done]).toEqual([false, false]);
    clock.advance(100);
    await settle();
    clock.advance(0);
    await settle();
    expect([a.done || b.done, a.done && b.done]).toEqual([true, false]);
    clock.advance(100);
    await settle();
    clock.advance(0);
    await settle();
    expect([a.done, b.done]).toEqual([true, true]);
  });

  it('keeps the longer of two pauses', () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ perSecond: 1, clock });
    bucket.pauseFor(5_000);
    bucket.pauseFor(1_000);
    expect(bucket.pausedForMs()).toBe(5_000);
  });

  it('gives up waiting when the signal aborts', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ perSecond: 1, burst: 1, clock });
    await bucket.take();
    const controller = new AbortController();
    const waiting = track(bucket.take(controller.signal));
    controller.abort(new Error('stopping'));
    await settle();
    expect(waiting.done).toBe(false);
    expect((waiting.error as Error).message).toBe('stopping');
  });

  it('refuses a rate of zero', () => {
    expect(() => new TokenBucket({ perSecond: 0 })).toThrow(/perSecond/);
  });
});
