import { hashSecret } from '../../domain/auth/secrets.js';
import { AppError } from '../../domain/shared/app-error.js';

/** Hits per key within a sliding window, in memory (one process; check-in traffic is small and bursty). */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may be let through again (0: now), without counting a hit. */
  waitFor(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length < this.limit ? 0 : recent[recent.length - this.limit]! + this.windowMs - now;
  }

  hit(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 50_000) this.sweep(now);
  }

  private recent(key: string, now: number): number[] {
    const from = now - this.windowMs;
    return (this.hits.get(key) ?? []).filter((t) => t > from);
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => t <= now - this.windowMs)) this.hits.delete(key);
  }
}

/**
 * Limits for the check-in link (page and API). A good link is limited only by its own use: in an emergency many
 * schools answer from behind one address (a carrier's NAT, a proxy without TRUST_PROXY), and one prober there must
 * not shut them out. Wrong or expired tokens are what an address is limited in: past the limit they get 429 instead
 * of an answer. Guessing cannot succeed anyway (tokens are 128-bit random); the limit keeps probing cheap for us.
 */
export const checkInLimits = {
  perToken: { limit: 30, windowMs: 10 * 60_000 },
  failuresPerAddress: { limit: 10, windowMs: 10 * 60_000 },
};

export class CheckInThrottle {
  private readonly byToken: SlidingWindow;
  private readonly failures: SlidingWindow;

  constructor(limits: typeof checkInLimits = checkInLimits) {
    this.byToken = new SlidingWindow(limits.perToken.limit, limits.perToken.windowMs);
    this.failures = new SlidingWindow(limits.failuresPerAddress.limit, limits.failuresPerAddress.windowMs);
  }

  /** Counts a use of `token`, or refuses it with RATE_LIMITED and the seconds to wait (nothing is read or written). */
  admit(token: string, now: number): void {
    const tokenKey = hashSecret(token);
    refuseFor(this.byToken.waitFor(tokenKey, now));
    this.byToken.hit(tokenKey, now);
  }

  /**
   * A token that opened no link (unknown or expired): counted against its address, and once the address is past its
   * limit refused with RATE_LIMITED instead of being told which.
   */
  failed(address: string, now: number): void {
    refuseFor(this.failures.waitFor(address, now));
    this.failures.hit(address, now);
  }
}

function refuseFor(waitMs: number): void {
  if (waitMs <= 0) return;
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  throw new AppError('RATE_LIMITED', `Too many tries. Try again in ${Math.ceil(seconds / 60)} minute(s).`, undefined, { retryAfterSeconds: seconds });
}

export function isLinkFailure(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'CHECK_IN_LINK_UNKNOWN' || error.code === 'CHECK_IN_LINK_EXPIRED');
}
