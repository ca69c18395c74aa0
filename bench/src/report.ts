import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

/** One benchmark row, in the shape `bench/results/latest.json` promises. */
export interface BenchRow {
  name: string;
  ours_ms: number;
  baseline: string;
  baseline_ms: number | null;
  ratio: number | null;
  note?: string;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/** The 1-minute load average, noted beside figures: other work on a 2-core machine moves them. */
export function load(): string {
  return `load ${loadavg()[0]!.toFixed(2)}`;
}

export function row(name: string, ours: number, baseline: string, baselineMs: number | null, note?: string): BenchRow {
  return {
    name,
    ours_ms: round(ours),
    baseline,
    baseline_ms: baselineMs === null ? null : round(baselineMs),
    ratio: baselineMs ? Number((ours / baselineMs).toPrecision(3)) : null,
    ...(note ? { note } : {}),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function table(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'ours (ms)', 'baseline', 'baseline (ms)', 'ours/baseline'];
  const lines = rows.map((r) => [r.name, String(r.ours_ms), r.baseline, r.baseline_ms === null ? '—' : String(r.baseline_ms), r.ratio === null ? '—' : `${r.ratio}x`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

/** Replaces rows of the same name and keeps the others, so running one suite does not erase the rest. */
export async function writeResults(file: URL, rows: readonly BenchRow[]): Promise<void> {
  await mkdir(new URL('.', file), { recursive: true });
  let kept: BenchRow[] = [];
  try {
    kept = (JSON.parse(await readFile(file, 'utf8')) as { rows: BenchRow[] }).rows.filter((r) => !rows.some((n) => n.name === r.name));
  } catch {
    // no earlier results
  }
  await writeFile(file, `${JSON.stringify({ machine: machine(), at: new Date().toISOString(), rows: [...kept, ...rows] }, null, 2)}\n`);
}

/** Median of `runs` timings of `fn` after one warm-up, in milliseconds. */
export async function median(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
