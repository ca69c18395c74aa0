import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../../testing/test-app.js';
import { buildArea, buildUser, TEST_PASSWORD } from '../../../testing/factories.js';

const file = new URL('../../../../../../../shared/data/schools/udise-sikkim/ud_dt_n_1101_page_01.geojson', import.meta.url);

let t: TestApp;
let admin: Caller;
let officer: Caller;

beforeAll(async () => {
  t = await createTestApp({ startJobs: true });
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const kerala = await buildArea(t.database, { name: 'Kerala', level: 'state', parent: india });
  const a = await buildUser(t.database, { role: 'administrator' });
  const o = await buildUser(t.database, { role: 'district_officer', areaIds: [kerala.id] });
  admin = await t.signIn(a.email, TEST_PASSWORD);
  officer = await t.signIn(o.email, TEST_PASSWORD);
});
afterAll(() => t.close());

function multipart(parts: { field: string; filename?: string; type?: string; data: Buffer | string }[]) {
  const boundary = `----ss${Math.random().toString(16).slice(2)}`;
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
    ),
    Buffer.from(p.data),
    Buffer.from('\r\n'),
  ]);
  return {
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('POST /api/v1/imports with kind=schools', () => {
  it('runs the import as a job, and keeps it from officers of other areas', async () => {
    const form = multipart([
      { field: 'kind', data: 'schools' },
      { field: 'file', filename: 'ud_dt_n_1101_page_01.geojson', type: 'application/geo+json', data: await readFile(file) },
    ]);
    const started = await admin.request('POST', '/api/v1/imports', form.body, form.headers);
    expect(started.statusCode).toBe(202);
    const { id } = started.json<{ id: string }>();
    let body:
      | {
          status: string;
          counts: Record<string, number>;
          columns: string[];
          mapping: Record<string, string>;
          progress: number | null;
        }
      | undefined;
    for (let i = 0; i < 120; i++) {
      body = (await admin.get(`/api/v1/imports/${id}`)).json();
      if (body && ['completed', 'rejected', 'failed'].includes(body.status)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(body).toMatchObject({
      status: 'completed',
      counts: { rows: 100, created: 100, updated: 0, unchanged: 0, rejected: 0 },
      progress: 1,
    });
    expect(body!.columns).toContain('schcd');
    expect(body!.mapping).toMatchObject({ school_id_govt: 'schcd', school_name: 'schname', longitude: 'geometry.lon' });
    expect((await officer.get(`/api/v1/imports/${id}`)).statusCode).toBe(404);
  });
});
