import type { Output } from './command.js';

/**
 * A progress bar for long work (imports, exports, impact runs). On a terminal it redraws one line; elsewhere
 * (CI, pipes) it prints a line at most every 10% so logs stay readable.
 */
export class ProgressBar {
  private lastPrinted = -10;
  private readonly began = Date.now();

  constructor(
    private readonly out: Output,
    private readonly label: string,
    private readonly width = 30,
    private readonly write: (text: string) => void = (t) => process.stdout.write(t),
  ) {}

  update(fraction: number, detail = ''): void {
    const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
    const percent = Math.floor(f * 100 + 1e-9);
    if (this.out.interactive) {
      const filled = Math.round(f * this.width);
      this.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${String(percent).padStart(3)}% ${detail}`.padEnd(80));
    } else if (percent >= this.lastPrinted + 10 || (percent === 100 && this.lastPrinted !== 100)) {
      this.out.info(`${this.label}: ${percent}% ${detail}`.trimEnd());
    } else {
      return;
    }
    this.lastPrinted = percent;
  }

  done(detail = ''): void {
    this.update(1, detail);
    if (this.out.interactive) this.write('\n');
    this.out.info(`${this.label}: done in ${((Date.now() - this.began) / 1000).toFixed(1)} s`);
  }
}
