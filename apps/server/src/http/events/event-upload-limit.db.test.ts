import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Caller;

// The limit is lowered to 1 MB so the test stays small; a 500 MB upload meets the same code path.
beforeAll(async () => {
  t = await createTestApp({ env: { MAX_UPLOAD_MB: '1' } });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('an oversized hazard upload', () => {
  it('is refused with FILE_TOO_LARGE and leaves neither a file nor an event behind', async () => {
    const boundary = 'limitboundary';
    const big = `<?xml version="1.0"?><shakemap_grid>${' '.repeat(3 * 1024 * 1024)}</shakemap_grid>`;
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.xml"\r\nContent-Type: application/xml\r\n\r\n${big}\r\n--${boundary}--\r\n`;
    const r = await admin.request('POST', '/api/v1/events', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const [row] = await t.database.rows<{ files: number; events: number }>(
      sql`SELECT (SELECT count(*) FROM files)::int AS files, (SELECT count(*) FROM hazard_events)::int AS events`,
    );
    expect(row).toEqual({ files: 0, events: 0 });
  });
});
