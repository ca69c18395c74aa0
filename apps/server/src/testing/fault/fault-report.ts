export type ScenarioName = 'import' | 'exports' | 'drills' | 'alerts';
export type DatabaseLabel = 'pglite' | 'postgres';

/** What a problem did to the data: the release note counts each kind. */
export type ProblemKind = 'lost' | 'duplicated' | 'half-written' | 'other';

export interface Problem {
  kind: ProblemKind;
  message: string;
}

/** The figures of one scenario on one database (a row of the release note's table), and what went wrong. */
export interface ScenarioReport {
  scenario: ScenarioName;
  database: DatabaseLabel;
  kills: number;
  restarts: number;
  /** Rows and records compared with what they must be, in the database and in the answers of the API. */
  checked: number;
  lost: number;
  duplicated: number;
  halfWritten: number;
  seconds: number;
  problems: Problem[];
  /** Worth knowing, but not wrong (leftover temporary files, a kill that came after the work finished). */
  notes: string[];
}

/** Collects a scenario's figures and problems while it runs. */
export class ReportBuilder {
  kills = 0;
  restarts = 0;
  checked = 0;
  private readonly counts = { lost: 0, duplicated: 0, 'half-written': 0, other: 0 };
  readonly problems: Problem[] = [];
  readonly notes: string[] = [];
  private readonly began = Date.now();

  constructor(
    readonly scenario: ScenarioName,
    readonly database: DatabaseLabel,
  ) {}

  /** Records `count` lost, duplicated or half-written rows (or another failure), with what they were. */
  problem(kind: ProblemKind, message: string, count = 1): void {
    this.counts[kind] += count;
    this.problems.push({ kind, message });
  }

  /** Records a check of `rows` rows, and a problem when `ok` is false. */
  check(rows: number, ok: boolean, kind: ProblemKind, message: () => string, count = 1): boolean {
    this.checked += rows;
    if (!ok) this.problem(kind, message(), count);
    return ok;
  }

  note(message: string): void {
    this.notes.push(message);
  }

  finish(): ScenarioReport {
    return {
      scenario: this.scenario,
      database: this.database,
      kills: this.kills,
      restarts: this.restarts,
      checked: this.checked,
      lost: this.counts.lost,
      duplicated: this.counts.duplicated,
      halfWritten: this.counts['half-written'],
      seconds: Math.round((Date.now() - this.began) / 100) / 10,
      problems: [...this.problems],
      notes: [...this.notes],
    };
  }
}

/** The release note's table: scenario × database → kills, restarts, rows checked, lost, duplicated, half-written, time. */
export function formatReportTable(reports: readonly ScenarioReport[]): string {
  const header = [
    'scenario',
    'database',
    'kills',
    'restarts',
    'rows checked',
    'lost',
    'duplicated',
    'half-written',
    'other problems',
    'time',
  ];
  const rows = reports.map((r) => [
    r.scenario,
    r.database,
    String(r.kills),
    String(r.restarts),
    String(r.checked),
    String(r.lost),
    String(r.duplicated),
    String(r.halfWritten),
    String(r.problems.filter((p) => p.kind === 'other').length),
    `${r.seconds.toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Each report's problems and notes, for the log under the table. */
export function formatReportDetails(reports: readonly ScenarioReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) out.push(`✗ ${r.scenario}/${r.database} [${p.kind}] ${p.message}`);
    for (const n of r.notes) out.push(`  ${r.scenario}/${r.database}: ${n}`);
  }
  return out.join('\n');
}
