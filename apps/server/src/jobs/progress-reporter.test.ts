import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressReporter } from './progress-reporter.js';

describe('ProgressReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes at most every 250 ms and still delivers the last value', async () => {
    const writes: [number | null, string | null][] = [];
    const reporter = new ProgressReporter(
      (f, m) => Promise.resolve(void writes.push([f, m])),
      250,
      () => Date.now(),
    );
    for (let i = 1; i <= 100; i++) await reporter.report(i / 100, `row ${i}`);
    expect(writes).toEqual([[0.01, 'row 1']]);
    await vi.advanceTimersByTimeAsync(250);
    expect(writes).toEqual([
      [0.01, 'row 1'],
      [1, 'row 100'],
    ]);
  });

  it('clamps fractions and turns NaN into unknown', async () => {
    const writes: (number | null)[] = [];
    const reporter = new ProgressReporter((f) => Promise.resolve(void writes.push(f)), 0);
    await reporter.report(7);
    await reporter.report(-1);
    await reporter.report(Number.NaN);
    expect(writes).toEqual([1, 0, null]);
  });

  it('drops what is pending when closed, so the final state is the last write', async () => {
    const writes: number[] = [];
    const reporter = new ProgressReporter((f) => Promise.resolve(void writes.push(f ?? -1)), 250);
    await reporter.report(0.1);
    await reporter.report(0.5);
    await reporter.close();
    await vi.advanceTimersByTimeAsync(1000);
    await reporter.report(0.9);
    expect(writes).toEqual([0.1]);
  });
});
