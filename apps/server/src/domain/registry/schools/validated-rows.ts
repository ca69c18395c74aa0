import { AppError } from '../../shared/app-error.js';
import type { ImportRunContext, RowProblem } from '../../imports/import-runner.js';
import type { FileScan } from './decode-text.js';
import { readSchoolRows } from './read-school-rows.js';
import { suggestMapping } from './school-fields.js';
import { SchoolRowValidator } from './validate-school-row.js';
import type { RegistryKey } from './write-school-batch.js';

export /**
 * Reports progress at most once per percent: the first pass by bytes read (the only measure before the rows
 * are counted), the second by rows done, each over half of the bar.
 */
function progressReporter(ctx: ImportRunContext, totalBytes: number) {
  let last = -1;
  let bytes = 0;
  return {
    onBytes: (b: number) => (bytes = b),
    byBytes: () => 0.5 * (totalBytes ? Math.min(1, bytes / totalBytes) : 0),
    async tick(fraction: number, message: string) {
      if (fraction - last < 0.01) return;
      last = fraction;
      await ctx.progress(fraction, message);
    },
  };
}

export /** Reads the file once, yielding each row's validation; both passes use it, so both see the same rows. */
async function* validatedRows(
  ctx: ImportRunContext,
  scan: FileScan,
  key: RegistryKey,
  progress: ReturnType<typeof progressReporter>,
  state: { columns: string[]; mapping: Record<string, string> },
) {
  let validator: SchoolRowValidator | null = null;
  for await (const source of readSchoolRows(await ctx.openFile(), ctx.fileName, scan, progress.onBytes)) {
    if (!validator) {
      state.columns = [...source.columns];
      const { mapping, unknownFields } = suggestMapping(source.columns, ctx.mapping);
      state.mapping = mapping;
      checkMapping(mapping, source.columns, unknownFields);
      validator = new SchoolRowValidator(mapping, key.countryCode, key.codeSystem);
    }
    if (source.row === 0) continue;
    if (!source.record) {
      yield {
        row: source.row,
        school: null,
        problems: [
          { row: source.row, severity: 'warning', code: 'EMPTY_ROW', message: 'The row is empty and was skipped.' },
        ] as RowProblem[],
        empty: true,
      };
      continue;
    }
    yield { row: source.row, empty: false, ...validator.validate(source.row, source.record) };
  }
}

function checkMapping(mapping: Record<string, string>, columns: readonly string[], unknownFields: string[]): void {
  if (unknownFields.length)
    throw new AppError('IMPORT_FILE_INVALID', `The mapping names fields that do not exist: ${unknownFields.join(', ')}.`);
  const missing = Object.entries(mapping).filter(([, c]) => !columns.includes(c));
  if (missing.length)
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `The mapping names columns the file does not have: ${missing.map(([f, c]) => `${f} → ${c}`).join(', ')}.`,
    );
  for (const [field, label] of [
    ['school_id_govt', 'school code'],
    ['school_name', 'school name'],
  ] as const) {
    if (!mapping[field])
      throw new AppError(
        'IMPORT_FILE_INVALID',
        `No column for the ${label} was found among: ${columns.join(', ')}. Map ${field} to one of them.`,
      );
  }
}
