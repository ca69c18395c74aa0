import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanFile } from './decode-text.js';
import { readSchoolRows } from './read-school-rows.js';
import type { SourceRow } from './source-row.js';

async function rows(bytes: Buffer | string, fileName = 'schools.csv'): Promise<{ encoding: string; rows: SourceRow[] }> {
  const buffer = Buffer.from(bytes);
  const scan = await scanFile(Readable.from([buffer]));
  const out: SourceRow[] = [];
  for await (const r of readSchoolRows(Readable.from([buffer.subarray(0, 7), buffer.subarray(7)]), fileName, scan, () => {}))
    out.push(r);
  return { encoding: scan.encoding, rows: out };
}

describe('reading school files', () => {
  it('drops a UTF-8 byte-order mark from the first column name', async () => {
    const { rows: r, encoding } = await rows(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('schcd,schname\n01234567890,Bhāratī Vidyālaya\n')]),
    );
    expect(encoding).toBe('utf-8');
    expect(r[0]!.columns).toEqual(['schcd', 'schname']);
    expect(r[1]!.record).toEqual({ schcd: '01234567890', schname: 'Bhāratī Vidyālaya' });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', async () => {
    const latin1 = Buffer.from('schcd;schname\n01234567890;Bh\xe2rat\xee Vidy\xe9\n', 'latin1');
    const { rows: r, encoding } = await rows(latin1);
    expect(encoding).toBe('windows-1252');
    expect(r[1]!.record).toEqual({ schcd: '01234567890', schname: 'Bhâratî Vidyé' });
  });

  it('numbers data rows from 1 and marks blank ones', async () => {
    const { rows: r } = await rows('a,b\n1,2\n\n,\n3,4\n');
    expect(r.map((x) => [x.row, x.record === null])).toEqual([
      [0, true],
      [1, false],
      [2, true],
      [3, true],
      [4, false],
    ]);
  });

  it('refuses malformed CSV, TopoJSON and non-point GeoJSON with a clear message', async () => {
    await expect(rows('a,b\n"unclosed,2\n')).rejects.toThrow(/IMPORT_FILE_INVALID.*CSV/);
    await expect(rows('{"type":"Topology","objects":{}}', 'x.json')).rejects.toThrow(/TopoJSON/);
    const line = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [88, 27],
              [88.1, 27.1],
            ],
          },
        },
      ],
    };
    await expect(rows(JSON.stringify(line), 'x.geojson')).rejects.toThrow(/LineString: schools must be points/);
    await expect(rows('{"type": "Feature"', 'x.geojson')).rejects.toThrow(/not valid JSON/);
    await expect(rows(Buffer.from('PK\x03\x04zzzz'), 'x.xlsx')).rejects.toThrow(/spreadsheet cannot be read/);
  });

  it('reads GeoJSON points as columns plus the geometry', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { schcd: '11010102503', dist_lgd: 227 },
          geometry: { type: 'Point', coordinates: [88.3, 27.2] },
        },
      ],
    };
    const { rows: r } = await rows(JSON.stringify(fc), 'x.geojson');
    expect(r[0]!.columns).toEqual(['schcd', 'dist_lgd', 'geometry.lon', 'geometry.lat']);
    expect(r[1]!.record).toEqual({ schcd: '11010102503', dist_lgd: '227', 'geometry.lon': '88.3', 'geometry.lat': '27.2' });
  });

  it('reads the first worksheet of an XLSX file, numbers as written', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Schools');
    sheet.addRow(['schcd', 'schname', 'latitude', 'longitude']);
    sheet.addRow(['11010102503', 'Mangshilla SSS', 27.26, 88.32]);
    sheet.addRow([1101010250, { richText: [{ text: 'Bhāratī ' }, { text: 'Vidyālaya' }] }, 27.3, 88.6]);
    workbook.addWorksheet('Notes').addRow(['ignored']);
    const { rows: r, encoding } = await rows(Buffer.from(await workbook.xlsx.writeBuffer()), 'schools.xlsx');
    expect(encoding).toBe('utf-8');
    expect(r.map((x) => x.record)).toEqual([
      null,
      { schcd: '11010102503', schname: 'Mangshilla SSS', latitude: '27.26', longitude: '88.32' },
      { schcd: '1101010250', schname: 'Bhāratī Vidyālaya', latitude: '27.3', longitude: '88.6' },
    ]);
  });
});
