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
 * Limits for the check-in link (page and API). Many phones share one address behind a carrier's NAT, so the
 * per-address allowance is generous; wrong or expired tokens from one address are allowed far fewer.
 */
export const checkInLimits = {
  perAddress: { limit: 300, windowMs: 10 * 60_000 },
  perToken: { limit: 30, windowMs: 10 * 60_000 },
  failuresPerAddress: { limit: 10, windowMs: 10 * 60_000 },
};

export class CheckInThrottle {
  private readonly byAddress: SlidingWindow;
  private readonly byToken: SlidingWindow;
  private readonly failures: SlidingWindow;

  constructor(limits: typeof checkInLimits = checkInLimits) {
    this.byAddress = new SlidingWindow(limits.perAddress.limit, limits.perAddress.windowMs);
    this.byToken = new SlidingWindow(limits.perToken.limit, limits.perToken.windowMs);
    this.failures = new SlidingWindow(limits.failuresPerAddress.limit, limits.failuresPerAddress.windowMs);
  }

  /** Counts a request, or refuses it with RATE_LIMITED and the seconds to wait (nothing is read or written). */
  admit(address: string, token: string, now: number): void {
    const tokenKey = hashSecret(token);
    const wait = Math.max(this.failures.waitFor(address, now), this.byAddress.waitFor(address, now), this.byToken.waitFor(tokenKey, now));
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      throw new AppError('RATE_LIMITED', `Too many tries. Try again in ${Math.ceil(seconds / 60)} minute(s).`, undefined, { retryAfterSeconds: seconds });
    }
    this.byAddress.hit(address, now);
    this.byToken.hit(tokenKey, now);
  }

  /** A token that opened no link (unknown or expired) counts against its address. */
  failed(address: string, now: number): void {
    this.failures.hit(address, now);
  }
}

export function isLinkFailure(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'CHECK_IN_LINK_UNKNOWN' || error.code === 'CHECK_IN_LINK_EXPIRED');
}
