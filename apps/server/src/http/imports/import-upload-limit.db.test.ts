import { readdir } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Caller;

// The limit is lowered to 1 MB so the test stays small; a 2 GB registry file meets the same streamed check.
beforeAll(async () => {
  t = await createTestApp({ env: { MAX_UPLOAD_MB: '1' } });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('an oversized school file', () => {
  it('is refused with FILE_TOO_LARGE before any import exists, leaving no file, blob or import behind', async () => {
    const boundary = 'importlimit';
    const row = 'schcd,schname,latitude,longitude\r\n' + '11010100101,Government Primary School Lachen,27.72,88.55\r\n'.repeat(40_000);
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nschools\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="udise.csv"\r\nContent-Type: text/csv\r\n\r\n${row}\r\n--${boundary}--\r\n`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    const r = await admin.request('POST', '/api/v1/imports', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(r.statusCode).toBe(413);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const [counts] = await t.database.rows<{ files: number; imports: number }>(
      sql`SELECT (SELECT count(*) FROM files)::int AS files, (SELECT count(*) FROM imports)::int AS imports`,
    );
    expect(counts).toEqual({ files: 0, imports: 0 });
    expect(await filesIn(t.services.config.FILES_DIR)).toEqual([]);
  });
});
