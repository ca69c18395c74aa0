import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { AppError } from '../../shared/app-error.js';
import type { SourceRow } from './source-row.js';

/** The delimiter the header line uses most: comma, semicolon (European Excel) or tab. */
function delimiterOf(firstChunk: string): string {
  const line = firstChunk.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Header names made usable: trimmed, blanks and repeats given a position so every column can be mapped. */
function columnNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, i) => {
    let name = raw.trim() || `column_${i + 1}`;
    if (seen.has(name)) name = `${name}_${i + 1}`;
    seen.add(name);
    return name;
  });
}

/**
 * Streams CSV rows as records keyed by column name, row 0 carrying the columns. Row numbers count data rows
 * from 1, blank ones included, so they match what a person sees below the header in a spreadsheet.
 */
export async function* readCsvRows(text: AsyncIterable<string>): AsyncGenerator<SourceRow> {
  const iterator = text[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new AppError('IMPORT_FILE_INVALID', 'The file is empty.');
  const delimiter = delimiterOf(first.value);
  async function* all(): AsyncGenerator<string> {
    yield first.value as string;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  const source = Readable.from(all());
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let columns: string[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = columnNames(record);
        yield { row: 0, columns, record: null };
        continue;
      }
      row += 1;
      if (record.every((v) => v.trim() === '')) {
        yield { row, columns, record: null };
        continue;
      }
      const out: Record<string, string> = {};
      for (let i = 0; i < columns.length; i++) out[columns[i]!] = record[i] ?? '';
      yield { row, columns, record: out };
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw new AppError(
        'IMPORT_FILE_INVALID',
        `The CSV cannot be read near line ${String((error as { lines?: number }).lines ?? '?')}: ${error.message}`,
      );
    throw error;
  } finally {
    source.destroy();
  }
  if (!columns) throw new AppError('IMPORT_FILE_INVALID', 'The file has no header row.');
}
