import { describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/shared/app-error.js';
import { CheckInThrottle, SlidingWindow } from './check-in-throttle.js';

const limits = {
  perToken: { limit: 3, windowMs: 60_000 },
  failuresPerAddress: { limit: 2, windowMs: 60_000 },
};

function refusal(run: () => void): number | null {
  try {
    run();
    return null;
  } catch (error) {
    if (isAppError(error) && error.code === 'RATE_LIMITED') return error.hints.retryAfterSeconds ?? -1;
    throw error;
  }
}

describe('SlidingWindow', () => {
  it('frees a slot when the oldest hit leaves the window', () => {
    const w = new SlidingWindow(2, 1000);
    w.hit('a', 0);
    w.hit('a', 400);
    expect(w.waitFor('a', 500)).toBe(500);
    expect(w.waitFor('b', 500)).toBe(0);
    expect(w.waitFor('a', 1000)).toBe(0);
  });
});

describe('CheckInThrottle', () => {
  it('limits one token, and says how long to wait', () => {
    const t = new CheckInThrottle(limits);
    for (let i = 0; i < 3; i += 1) expect(refusal(() => t.admit('token-a', 1000 * i))).toBeNull();
    expect(refusal(() => t.admit('token-a', 10_000))).toBe(50);
    expect(refusal(() => t.admit('token-b', 10_000))).toBeNull();
    expect(refusal(() => t.admit('token-a', 60_001))).toBeNull();
  });

  it('refuses an address its wrong tokens past the limit, but never a good token', () => {
    const t = new CheckInThrottle(limits);
    expect(refusal(() => t.failed('10.0.0.1', 0))).toBeNull();
    expect(refusal(() => t.failed('10.0.0.1', 1))).toBeNull();
    expect(refusal(() => t.failed('10.0.0.1', 2))).toBe(60);
    // Another school behind the same address, with a good link, still gets through.
    expect(refusal(() => t.admit('good', 3))).toBeNull();
    expect(refusal(() => t.failed('10.0.0.2', 3))).toBeNull();
    expect(refusal(() => t.failed('10.0.0.1', 60_001))).toBeNull();
  });
});
