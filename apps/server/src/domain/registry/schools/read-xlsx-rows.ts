import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/app-error.js';
import type { SourceRow } from './source-row.js';

/** A cell as text: rich text joined, formulas by their result, dates as ISO dates; numbers as written. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  return '';
}

async function* counted(stream: Readable, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onBytes(bytes);
    yield chunk;
  }
}

/**
 * Streams the first worksheet of an XLSX file: its first row is the header. Row numbers count from the row
 * below the header as a spreadsheet shows them, so skipped blank rows keep the numbers people see.
 */
export async function* readXlsxRows(stream: Readable, onBytes: (bytes: number) => void): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(counted(stream, onBytes)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let columns: string[] | null = null;
  let headerRow = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (!columns) {
          const seen = new Set<string>();
          columns = values.map((raw, i) => {
            let name = raw.trim() || `column_${i + 1}`;
            if (seen.has(name)) name = `${name}_${i + 1}`;
            seen.add(name);
            return name;
          });
          headerRow = row.number;
          yield { row: 0, columns, record: null };
          continue;
        }
        const number = row.number - headerRow;
        if (values.every((v) => v.trim() === '')) {
          yield { row: number, columns, record: null };
          continue;
        }
        const record: Record<string, string> = {};
        for (let i = 0; i < columns.length; i++) record[columns[i]!] = values[i] ?? '';
        yield { row: number, columns, record };
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `The spreadsheet cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!columns) throw new AppError('IMPORT_FILE_INVALID', 'The first worksheet is empty.');
}
