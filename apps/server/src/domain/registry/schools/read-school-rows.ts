import type { Readable } from 'node:stream';
import { AppError } from '../../shared/app-error.js';
import { decodeText, type FileScan } from './decode-text.js';
import { readCsvRows } from './read-csv-rows.js';
import { readGeoJsonRows } from './read-geojson-rows.js';
import { readXlsxRows } from './read-xlsx-rows.js';
import type { SourceRow } from './source-row.js';

export type FileFormat = 'csv' | 'geojson' | 'xlsx';

export const isZip = (head: Buffer): boolean => head.subarray(0, 4).toString('latin1') === 'PK\x03\x04';

/** The format, from the bytes first (names lie less often than people think, but they do lie). */
export function formatOf(fileName: string, head: Buffer): FileFormat {
  if (isZip(head)) return 'xlsx';
  const start = head
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'geojson';
  if (/\.(geo|topo)?json$/i.test(fileName)) {
    throw new AppError('IMPORT_FILE_INVALID', 'The file is named as JSON but does not start like JSON.');
  }
  return 'csv';
}

/** The rows of a school file, whatever its format; text is decoded with the encoding the scan found. */
export function readSchoolRows(
  stream: Readable,
  fileName: string,
  scan: FileScan,
  onBytes: (bytes: number) => void,
): AsyncGenerator<SourceRow> {
  if (scan.bytes === 0) throw new AppError('IMPORT_FILE_INVALID', 'The file is empty.');
  const format = formatOf(fileName, scan.head);
  if (format === 'xlsx') return readXlsxRows(stream, onBytes);
  const text = decodeText(stream, scan.encoding, onBytes);
  return format === 'geojson' ? readGeoJsonRows(text) : readCsvRows(text);
}
