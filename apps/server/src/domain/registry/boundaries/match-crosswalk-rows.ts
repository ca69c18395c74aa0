import type { CodedArea } from '../../../db/registry/boundaries/boundary-areas.repository.js';
import type { RowProblem } from '../../imports/import-runner.js';
import type { CrosswalkOptions } from './crosswalk-options.js';
import { isPlaceholderCode, nameKey } from './plan-boundary-areas.js';

export interface CodeChange {
  area: CodedArea;
  codes: Record<string, string>;
  names: Record<string, string>;
  before: Record<string, unknown>;
}

/** Census files write "01", LGD files "1": numeric codes compare without leading zeros. */
const norm = (code: string) => (/^\d+$/.test(code) ? code.replace(/^0+(?=\d)/, '') : code);

/**
 * Works out, row by row, which stored area each crosswalk row names and the codes it adds. Rows naming no area
 * are warnings (LGD lists districts made after the census map was drawn); two areas ending up with one code is
 * an error, because every later match on that code would pick one at random.
 */
export function matchCrosswalkRows(
  header: readonly string[],
  records: readonly string[][],
  areas: readonly CodedArea[],
  o: CrosswalkOptions,
): { changes: CodeChange[]; problems: RowProblem[]; unmatched: number; errorRows: Set<number> } {
  const col = (name: string) => header.indexOf(name);
  const byCode = new Map<string, CodedArea[]>();
  const holder = new Map<string, string>();
  const holderKey = (add: CrosswalkOptions['add'][number], area: CodedArea, code: string) =>
    `${add.system}:${add.unique === 'parent' ? `${area.parentName ?? ''}:` : ''}${norm(code)}`;
  for (const a of areas) {
    const code = a.codes[o.match.system];
    if (code) byCode.set(norm(code), [...(byCode.get(norm(code)) ?? []), a]);
    for (const add of o.add) if (a.codes[add.system]) holder.set(holderKey(add, a, a.codes[add.system]!), a.id);
  }
  const changes = new Map<string, CodeChange>();
  const problems: RowProblem[] = [];
  const errorRows = new Set<number>();
  let unmatched = 0;
  records.forEach((record, i) => {
    const row = i + 2; // the header is line 1, as a spreadsheet shows it
    const cell = (name: string | undefined) => (name ? (record[col(name)] ?? '').trim() : '');
    const label = cell(o.name) || `row ${row}`;
    const warn = (code: string, message: string, value: string) =>
      problems.push({ row, column: o.match.column, severity: 'warning', code, message, value });
    const error = (column: string, code: string, message: string, value: string) => {
      problems.push({ row, column, severity: 'error', code, message, value });
      errorRows.add(row);
    };
    const value = cell(o.match.column);
    if (isPlaceholderCode(value))
      return void (
        (unmatched += 1),
        warn('NO_MATCH_CODE', `${label} has no ${o.match.system} code (an area made since?); left for later.`, value)
      );
    let found = byCode.get(norm(value)) ?? [];
    if (found.length > 1 && o.parentName)
      found = found.filter((a) => a.parentName !== null && nameKey(a.parentName) === nameKey(cell(o.parentName)));
    if (!found.length)
      return void (
        (unmatched += 1),
        warn('AREA_NOT_FOUND', `No ${o.level} has ${o.match.system} code ${value}: ${label} has no boundary yet.`, value)
      );
    if (found.length > 1)
      return error(
        o.match.column,
        'AREA_AMBIGUOUS',
        `${found.length} ${o.level}s have ${o.match.system} code ${value} (${found.map((a) => `${a.name}, ${a.parentName ?? ''}`).join('; ')}).`,
        value,
      );
    const area = found[0]!;
    const change = changes.get(area.id) ?? { area, codes: { ...area.codes }, names: { ...area.names }, before: {} };
    for (const add of o.add) {
      const code = cell(add.column);
      if (isPlaceholderCode(code)) continue;
      const key = holderKey(add, area, code);
      const other = add.unique === 'none' ? undefined : holder.get(key);
      if (other && other !== area.id) {
        const otherName = areas.find((a) => a.id === other)?.name ?? other;
        return error(
          add.column,
          'CODE_CONFLICT',
          `${add.system} code ${code} would be on both ${area.name} and ${otherName}.`,
          code,
        );
      }
      holder.set(key, area.id);
      if (change.codes[add.system] !== code) {
        change.before[add.system] = [change.codes[add.system] ?? null, code];
        change.codes[add.system] = code;
      }
    }
    const spelt = cell(o.name);
    const key = o.nameKey ?? o.add[0]!.system;
    if (spelt && change.names[key] !== spelt) {
      change.before[`names.${key}`] = [change.names[key] ?? null, spelt];
      change.names[key] = spelt;
    }
    changes.set(area.id, change);
  });
  return { changes: [...changes.values()].filter((c) => Object.keys(c.before).length > 0), problems, unmatched, errorRows };
}
