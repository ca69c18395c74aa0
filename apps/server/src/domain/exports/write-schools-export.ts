import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Scope } from '@safeschools/domain';
import type { Database } from '../../db/database.js';
import { allAreaLabels, exportSchoolPage, type ExportFilter } from '../../db/exports/schools-export.repository.js';
import { areaLookup, exportColumns } from './export-columns.js';
import { csvLine } from './csv-cell.js';

export type ExportFormat = 'csv' | 'hxl' | 'xlsx' | 'geojson';

export const exportContentTypes: Record<ExportFormat, { type: string; extension: string }> = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  hxl: { type: 'text/csv; charset=utf-8', extension: 'hxl.csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  geojson: { type: 'application/geo+json', extension: 'geojson' },
};

const PAGE = 2000;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Streams the schools a scope may see into `out`, a page at a time. CSV gets a byte-order mark so spreadsheet
 * programs read Devanagari and Japanese names right; HXL adds the hashtag row under the header.
 */
export async function writeSchoolsExport(
  database: Database,
  scope: Scope,
  filter: ExportFilter,
  format: ExportFormat,
  out: Writable,
  onPage: (rowsDone: number) => Promise<void> = async () => {},
  signal?: AbortSignal,
): Promise<{ rows: number }> {
  const areas = areaLookup(await allAreaLabels(database, database.db));
  const headers = exportColumns.map((c) => c.header);
  const xlsx = format === 'xlsx' ? new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false }) : null;
  const sheet = xlsx?.addWorksheet('schools');
  if (sheet) sheet.addRow(headers).commit();
  else if (format === 'geojson') await write(out, '{"type":"FeatureCollection","features":[');
  else await write(out, `\uFEFF${csvLine(headers)}${format === 'hxl' ? csvLine(exportColumns.map((c) => c.hxl)) : ''}`);

  let rows = 0;
  let after: string | null = null;
  for (;;) {
    signal?.throwIfAborted();
    const page = await exportSchoolPage(database, database.db, scope, filter, after, PAGE);
    for (const row of page) {
      const values = exportColumns.map((c) => c.value(row, areas));
      if (sheet) sheet.addRow(values).commit();
      else if (format === 'geojson') {
        const properties = Object.fromEntries(headers.map((h, i) => [h, values[i]]));
        const geometry = row.lon === null || row.lat === null ? null : { type: 'Point', coordinates: [row.lon, row.lat] };
        await write(out, `${rows > 0 ? ',' : ''}${JSON.stringify({ type: 'Feature', geometry, properties })}`);
      } else await write(out, csvLine(values));
      rows += 1;
    }
    await onPage(rows);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  if (xlsx) await xlsx.commit();
  else {
    if (format === 'geojson') await write(out, ']}');
    out.end();
  }
  return { rows };
}
