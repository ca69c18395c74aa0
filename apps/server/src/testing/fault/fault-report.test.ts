import { describe, expect, it } from 'vitest';
import { formatReportTable, ReportBuilder } from './fault-report.js';

describe('the fault report', () => {
  it('counts what each problem did, and prints the release note table', () => {
    const report = new ReportBuilder('import', 'postgres');
    report.kills = 20;
    report.restarts = 20;
    report.check(120_000, true, 'lost', () => 'never');
    report.check(1, false, 'duplicated', () => 'a batch twice', 20_000);
    report.problem('other', 'a restart was refused');
    const r = report.finish();
    expect(r).toMatchObject({ kills: 20, restarts: 20, checked: 120_001, lost: 0, duplicated: 20_000, halfWritten: 0 });
    expect(r.problems.map((p) => p.kind)).toEqual(['duplicated', 'other']);
    const table = formatReportTable([{ ...r, seconds: 61.25 }]).split('\n');
    expect(table[0]).toBe(
      '| scenario | database | kills | restarts | rows checked | lost | duplicated | half-written | other problems |   time |',
    );
    expect(table[2]).toBe(
      '| import   | postgres |    20 |       20 |       120001 |    0 |      20000 |            0 |              1 | 61.3 s |',
    );
  });
});
