/**
 * Throttles progress writes to one per `intervalMs`, keeping the latest value: a job may report progress in a
 * tight loop without flooding the database, and the last value reported still arrives (trailing write).
 */
export class ProgressReporter {
  private lastWrite = 0;
  private pending: { fraction: number | null; message: string | null } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly write: (fraction: number | null, message: string | null) => Promise<void>,
    private readonly intervalMs = 250,
    private readonly now: () => number = Date.now,
  ) {}

  report(fraction: number | null, message?: string): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.pending = { fraction: clamp(fraction), message: message ?? null };
    const wait = this.lastWrite + this.intervalMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => void this.flush(), wait);
    return Promise.resolve();
  }

  /** Writes what is pending now; resolves when every write so far has finished. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const value = this.pending;
    this.pending = null;
    if (value && !this.closed) {
      this.lastWrite = this.now();
      this.chain = this.chain.then(() => this.write(value.fraction, value.message)).catch(() => undefined);
    }
    return this.chain;
  }

  /** Drops whatever is pending (the final state write follows) and waits for writes in flight. */
  close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    return this.chain;
  }
}

function clamp(fraction: number | null): number | null {
  if (fraction === null || !Number.isFinite(fraction)) return null;
  return Math.min(1, Math.max(0, fraction));
}
