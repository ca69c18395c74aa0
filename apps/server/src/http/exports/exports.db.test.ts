import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let admin: Caller;
let officer: Caller;

beforeAll(async () => {
  t = await createTestApp({ startJobs: true });
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india, codes: { lgd: '11' } });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim, codes: { lgd: '225', census2011: '244' } });
  const kerala = await buildArea(t.database, { name: 'Kerala', level: 'state', parent: india });
  await buildSchool(t.database, { area: gangtok, name: 'राजकीय विद्यालय, गंगटोक', code: '11040100101', girls: 120, boys: 110 });
  await buildSchool(t.database, { area: gangtok, name: '=HYPERLINK("http://evil")', code: '11040100102' });
  await buildSchool(t.database, { area: kerala, name: 'Kochi Government School', code: '32080100101', lon: 76.27, lat: 9.93 });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

function csvRows(text: string): string[] {
  return text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
}

describe('registry exports', () => {
  it('streams CSV with a BOM, quoted fields, admin names and codes, and no formulas', async () => {
    const r = await admin.get('/api/v1/exports/schools?format=csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toContain('schools.csv');
    expect(r.body.startsWith('\uFEFFschool_id,school_id_govt')).toBe(true);
    const lines = csvRows(r.body);
    expect(lines).toHaveLength(4);
    const hindi = lines.find((l) => l.includes('11040100101'))!;
    expect(hindi).toContain('"राजकीय विद्यालय, गंगटोक"');
    expect(hindi).toContain(',Sikkim,11,Gangtok,225,');
    expect(lines.find((l) => l.includes('11040100102'))).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('adds the HXL hashtag row', async () => {
    const lines = csvRows((await admin.get('/api/v1/exports/schools?format=hxl')).body);
    expect(lines[1]).toContain('#loc+name');
    expect(lines[1]).toContain('#adm1+code');
    expect(lines[1]).toContain('#geo+lat');
    expect(lines).toHaveLength(5);
  });

  it('writes GeoJSON points and an XLSX workbook', async () => {
    const geo = (await admin.get('/api/v1/exports/schools?format=geojson')).json<{ features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] }>();
    expect(geo.features).toHaveLength(3);
    expect(geo.features.find((f) => f.properties.school_id_govt === '32080100101')?.geometry.coordinates).toEqual([76.27, 9.93]);
    const xlsx = await admin.get('/api/v1/exports/schools?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('schools')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(2).value).toBe('school_id_govt');
  });

  it('exports only what the caller may see, and filters', async () => {
    const mine = csvRows((await officer.get('/api/v1/exports/schools?format=csv')).body);
    expect(mine).toHaveLength(3);
    expect(mine.join('\n')).not.toContain('Kochi');
    expect(csvRows((await admin.get('/api/v1/exports/schools?format=csv&q=Kochi')).body)).toHaveLength(2);
  });

  it('runs a large export as a job whose file the requester downloads', async () => {
    const started = await officer.get('/api/v1/exports/schools?format=csv&async=always');
    expect(started.statusCode).toBe(202);
    const { jobId, statusUrl } = started.json<{ jobId: string; statusUrl: string }>();
    let job = { state: 'queued', result: null as null | { fileId: string; rows: number } };
    for (let i = 0; i < 200 && job.state !== 'completed' && job.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await officer.get(statusUrl)).json();
    }
    expect(job).toMatchObject({ state: 'completed', result: { rows: 2 } });
    const file = await officer.get(`/api/v1/files/${job.result!.fileId}/content`);
    expect(csvRows(file.body)).toHaveLength(3);
    expect((await admin.get(`/api/v1/jobs/${jobId}`)).statusCode).toBe(200);
  });
});
