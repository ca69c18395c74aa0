import type { RowProblem } from '../../imports/import-runner.js';
import type { AreaLevel, BoundaryOptions } from './boundary-options.js';
import type { BoundaryFile } from './read-boundary-file.js';

export interface PlannedArea {
  row: number;
  level: AreaLevel;
  /** Null when the file gives none, or a placeholder such as "0": such an area is known by its name instead. */
  code: string | null;
  name: string;
  /** Code of the area one level up; null for states, which lie in the country. */
  parentCode: string | null;
  geometry: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
/** Files mark "no code yet" (a district made after the census) with 0 or nothing. */
export const isPlaceholderCode = (code: string) => code === '' || /^0+$/.test(code);
export const nameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** How an area is told apart from its siblings: its code, or its name when it has none. */
export const siblingKey = (code: string | null, name: string) => (code ? `code:${code}` : `name:${nameKey(name)}`);

/**
 * Turns the features of each mapped layer into areas to write, with the problems of each row. Codes are
 * unique among siblings; the same code under two parents is allowed with a warning, because real files carry
 * such mistakes (udit001 gives Mizoram's districts Nagaland's census codes) and dropping the polygons would
 * leave schools there without a district.
 */
export function planBoundaryAreas(
  file: BoundaryFile,
  options: BoundaryOptions,
  existingParentCodes: ReadonlyMap<AreaLevel, ReadonlySet<string>>,
): { areas: PlannedArea[]; problems: RowProblem[] } {
  const areas: PlannedArea[] = [];
  const problems: RowProblem[] = [];
  const codesByLevel = new Map<AreaLevel, Map<string, PlannedArea>>();
  for (const mapping of options.levels) {
    const layer = file.layers.find((l) => l.name === mapping.object)!;
    const parentLevel: AreaLevel = mapping.level === 'state' ? 'country' : mapping.level === 'district' ? 'state' : 'district';
    const parentsHere = codesByLevel.get(parentLevel);
    const seen = new Map<string, PlannedArea>();
    const byCode = new Map<string, PlannedArea>();
    codesByLevel.set(mapping.level, byCode);
    for (const f of layer.features) {
      const error = (column: string | null, code: string, message: string, value?: string) =>
        problems.push({ row: f.row, column, severity: 'error', code, message, value: value ?? null });
      if (!f.geometry) {
        error(
          null,
          'NOT_AN_AREA',
          `A ${f.geometryType} is not an area: ${mapping.level}s need a Polygon or MultiPolygon.`,
          f.geometryType,
        );
        continue;
      }
      const name = text(f.properties[mapping.name]);
      if (!name) {
        error(mapping.name, 'NAME_MISSING', `The ${mapping.level} has no ${mapping.name}.`);
        continue;
      }
      const rawCode = f.properties[mapping.code];
      let code: string | null = text(rawCode);
      if (rawCode === undefined || rawCode === null || isPlaceholderCode(code)) {
        problems.push({
          row: f.row,
          column: mapping.code,
          severity: 'warning',
          code: 'CODE_MISSING',
          message: `${name} has no ${options.codeSystem} code; it is kept and matched by name on later imports.`,
          value: code || null,
        });
        code = null;
      }
      let parentCode: string | null = null;
      if (mapping.parentCode) {
        parentCode = text(f.properties[mapping.parentCode]) || null;
        const known = parentCode && (parentsHere?.has(parentCode) || existingParentCodes.get(parentLevel)?.has(parentCode));
        if (!known) {
          error(
            mapping.parentCode,
            'PARENT_UNKNOWN',
            `${name}: no ${parentLevel} has ${options.codeSystem} code ${parentCode ?? '(empty)'}, in this file or already imported.`,
            parentCode ?? '',
          );
          continue;
        }
      }
      const key = `${parentCode ?? ''}|${siblingKey(code, name)}`;
      const twin = seen.get(key);
      if (twin) {
        error(
          code ? mapping.code : mapping.name,
          'DUPLICATE_AREA',
          `${name} repeats ${code ? `code ${code}` : 'the name'} of ${twin.name} (row ${twin.row}) at the same level.`,
          code ?? name,
        );
        continue;
      }
      const area: PlannedArea = { row: f.row, level: mapping.level, code, name, parentCode, geometry: f.geometry };
      if (code) {
        const other = byCode.get(code);
        if (other) {
          problems.push({
            row: f.row,
            column: mapping.code,
            severity: 'warning',
            code: 'CODE_REUSED',
            message: `${name} has code ${code}, as ${other.name} (row ${other.row}) under another parent does; check the source.`,
            value: code,
          });
        } else byCode.set(code, area);
      }
      seen.set(key, area);
      areas.push(area);
    }
  }
  return { areas, problems };
}
