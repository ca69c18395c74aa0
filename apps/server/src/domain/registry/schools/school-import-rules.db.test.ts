import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Database } from '../../../db/database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { runSchoolImportOn } from './school-import-harness.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const header = 'school_id_govt,school_name,latitude,longitude\n';
const schoolsWith = async (prefix: string) =>
  Number((await database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM schools WHERE code LIKE ${`${prefix}%`}`))[0]!.n);
const codesOf = (run: { problems: { severity: string; code: string; row: number }[] }) =>
  run.problems.map((p) => `${p.row}:${p.severity}:${p.code}`);

describe('encodings and blank rows', () => {
  it('imports a CSV with a byte-order mark', async () => {
    const run = await runSchoolImportOn(database, { bytes: `\uFEFF${header}30000000001,Bhāratī Vidyālaya,27.3,88.6\n` });
    expect(run.status).toBe('completed');
    expect(run.columns[0]).toBe('school_id_govt');
    expect((await database.rows<{ name: string }>(sql`SELECT name FROM schools WHERE code = '30000000001'`))[0]!.name).toBe(
      'Bhāratī Vidyālaya',
    );
  });

  it('reads a Latin-1 CSV as windows-1252 and says so', async () => {
    const run = await runSchoolImportOn(database, {
      bytes: Buffer.from(`${header}30000000002,Bh\xe2rat\xee Vidy\xe2laya,27.3,88.6\n`, 'latin1'),
    });
    expect(run.status).toBe('completed');
    expect(codesOf(run)).toEqual(['0:warning:ENCODING']);
    expect((await database.rows<{ name: string }>(sql`SELECT name FROM schools WHERE code = '30000000002'`))[0]!.name).toBe(
      'Bhâratî Vidyâlaya',
    );
  });

  it('skips empty rows with a warning and imports a school without location as unplaced', async () => {
    const run = await runSchoolImportOn(database, { bytes: `${header}\n30000000003,No Map School,,\n,,,\n` });
    expect(run.status).toBe('completed');
    expect(codesOf(run)).toEqual(['1:warning:EMPTY_ROW', '2:warning:NO_LOCATION', '3:warning:EMPTY_ROW']);
    expect(run.counts).toMatchObject({ rows: 1, created: 1 });
    const [school] = await database.rows<{ placement: string; location: unknown; id: string }>(
      sql`SELECT id, placement, location FROM schools WHERE code = '30000000003'`,
    );
    expect(school).toMatchObject({ placement: 'unplaced', location: null });
    const reviews = await database.rows<{ kind: string }>(sql`SELECT kind FROM registry_reviews WHERE school_id = ${school!.id}`);
    expect(reviews.map((r) => r.kind)).toEqual(['no_location']);
  });
});

describe('rows that are refused', () => {
  const bad = [
    ['swapped lat/lon', '40000000001,A,88.6,27.3', 'SWAPPED_COORDINATES'],
    ['0,0', '40000000002,B,0,0', 'NULL_ISLAND'],
    ['outside India', '40000000003,C,51.5,-0.1', 'OUTSIDE_COUNTRY'],
    ['a 10-digit code that lost its leading zero', '4000000004,D,27.3,88.6', 'CODE_FORMAT'],
    ['a missing name', '40000000005,,27.3,88.6', 'MISSING_NAME'],
  ] as const;
  for (const [what, line, code] of bad) {
    it(`rejects the whole file for ${what}, writing nothing`, async () => {
      const run = await runSchoolImportOn(database, { bytes: `${header}40000000100,Good School,27.3,88.6\n${line}\n` });
      expect(run.status).toBe('rejected');
      expect(codesOf(run)).toEqual([`2:error:${code}`]);
      expect(run.counts).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 0, rejected: 1 });
      expect(await schoolsWith('4')).toBe(0);
    });
  }

  it('refuses the second of two rows with the same code', async () => {
    const run = await runSchoolImportOn(database, { bytes: `${header}40000000200,One,27.3,88.6\n40000000200,Two,27.3,88.6\n` });
    expect(run.status).toBe('rejected');
    expect(codesOf(run)).toEqual(['2:error:DUPLICATE_CODE']);
  });

  it('writes only the valid rows when asked to', async () => {
    const run = await runSchoolImportOn(
      database,
      { bytes: `${header}50000000001,Good,27.3,88.6\n50000000002,Bad,0,0\n` },
      { validRowsOnly: true },
    );
    expect(run.status).toBe('completed');
    expect(run.counts).toEqual({ rows: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(await schoolsWith('5')).toBe(1);
  });

  it('refuses files that are not school points, as a whole', async () => {
    await expect(
      runSchoolImportOn(database, { bytes: '{"type":"Topology","objects":{}}' }, { fileName: 'x.topojson' }),
    ).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    const line = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { schcd: '11111111111', schname: 'X' },
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
    await expect(runSchoolImportOn(database, { bytes: JSON.stringify(line) }, { fileName: 'x.geojson' })).rejects.toThrow(
      /must be points/,
    );
    await expect(runSchoolImportOn(database, { bytes: 'id,title\n1,x\n' })).rejects.toThrow(/No column for the school code/);
  });
});

describe('dry runs', () => {
  it('write nothing but count what would change', async () => {
    await runSchoolImportOn(database, { bytes: `${header}60000000001,Old Name,27.3,88.6\n60000000002,Same,27.3,88.6\n` });
    const before = Number((await database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log`))[0]!.n);
    const csv = `${header}60000000001,New Name,27.3,88.6\n60000000002,Same,27.3,88.6\n60000000003,Brand New,27.3,88.6\n`;
    const run = await runSchoolImportOn(database, { bytes: csv }, { dryRun: true });
    expect(run.status).toBe('validated');
    expect(run.counts).toEqual({ rows: 3, created: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(await schoolsWith('6')).toBe(2);
    expect((await database.rows<{ name: string }>(sql`SELECT name FROM schools WHERE code = '60000000001'`))[0]!.name).toBe(
      'Old Name',
    );
    expect(Number((await database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log`))[0]!.n)).toBe(before);
    const rejected = await runSchoolImportOn(database, { bytes: `${csv}60000000004,Nowhere,0,0\n` }, { dryRun: true });
    expect(rejected.status).toBe('rejected');
    expect(rejected.counts).toEqual({ rows: 4, created: 1, updated: 1, unchanged: 1, rejected: 1 });
  });

  it('reports progress as it goes, ending at 1', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `7${String(i).padStart(10, '0')},School ${i},27.3,88.6`).join('\n');
    const run = await runSchoolImportOn(database, { bytes: `${header}${lines}\n` });
    expect(run.counts.created).toBe(3000);
    expect(run.progress.length).toBeGreaterThan(10);
    expect(run.progress.at(-1)).toBeCloseTo(1);
  });
});

describe('cancelling', () => {
  it('stops before writing when the job is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const csv = `${header}90000000001,Never Written,27.3,88.6\n`;
    await expect(runSchoolImportOn(database, { bytes: csv }, { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(await schoolsWith('9')).toBe(0);
  });
});

describe('spreadsheets', () => {
  it('imports XLSX rows and catches a code Excel turned into a number', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Schools');
    sheet.addRow(['School_ID_Govt', 'School Name', 'Latitude', 'Longitude', 'Enrolment Girls']);
    sheet.addRow(['80000000001', 'Excel School', 27.3, 88.6, 41]);
    sheet.addRow([8000000002, 'Lost Zero School', 27.3, 88.6, 12]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const strict = await runSchoolImportOn(database, { bytes }, { fileName: 'schools.xlsx' });
    expect(strict.status).toBe('rejected');
    expect(codesOf(strict)).toEqual(['2:error:CODE_FORMAT']);
    const lenient = await runSchoolImportOn(database, { bytes }, { fileName: 'schools.xlsx', validRowsOnly: true });
    expect(lenient.counts).toEqual({ rows: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 });
    const [row] = await database.rows<{ name: string; enrolment_girls: number }>(
      sql`SELECT name, enrolment_girls FROM schools WHERE code = '80000000001'`,
    );
    expect(row).toEqual({ name: 'Excel School', enrolment_girls: 41 });
  });
});
