import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { allAreaLabels } from '../../db/exports/schools-export.repository.js';
import { csvLine } from '../exports/csv-cell.js';
import { areaLookup } from '../exports/export-columns.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { readinessColumns } from './readiness-export-columns.js';
import { schoolReadiness } from './school-readiness.js';

export type ReadinessExportFormat = 'csv' | 'hxl' | 'xlsx';

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes the readiness of every school of the area within the caller's scope into `out`, the way the registry
 * export does: CSV with a byte-order mark (spreadsheets then read Devanagari and Japanese right), HXL with the
 * hashtag row under the header, XLSX through the streaming workbook writer. The rows are those the dashboard
 * counts, so they are gathered before the first byte is written.
 */
export async function writeReadinessExport(ctx: Ctx, query: { area?: string; format: ReadinessExportFormat }, out: Writable): Promise<{ rows: number }> {
  const schools = await schoolReadiness(ctx, query);
  const areas = areaLookup(await allAreaLabels(ctx.database, ctx.tx));
  const headers = readinessColumns.map((c) => c.header);
  if (query.format === 'xlsx') {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = book.addWorksheet('readiness');
    sheet.addRow(headers).commit();
    for (const school of schools) sheet.addRow(readinessColumns.map((c) => c.value(school, areas))).commit();
    await book.commit();
  } else {
    await write(out, `\uFEFF${csvLine(headers)}${query.format === 'hxl' ? csvLine(readinessColumns.map((c) => c.hxl)) : ''}`);
    for (const school of schools) await write(out, csvLine(readinessColumns.map((c) => c.value(school, areas))));
    out.end();
  }
  return { rows: schools.length };
}

/** Exports are recorded before they start, like the registry's. */
export async function auditReadinessExport(ctx: Ctx, query: { area?: string; format: ReadinessExportFormat }): Promise<void> {
  await audit(ctx, { action: 'export.readiness', entity: 'readiness', entityId: query.area ?? null, details: { format: query.format } });
}
