import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let owner: Caller;
let neighbour: Caller;
let admin: Caller;
let viewer: Caller;

const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(200, 7)]);
const MiB = 1024 * 1024;

function multipart(parts: { field: string; filename?: string; type?: string; data: Buffer | string }[]) {
  const boundary = `----ss${Math.random().toString(16).slice(2)}`;
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n` +
        `${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
    ),
    Buffer.from(p.data),
    Buffer.from('\r\n'),
  ]);
  return {
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(caller: Caller, data: Buffer | string, type = 'image/png', filename = 'photo.png', field = 'file') {
  const m = multipart([{ field, filename, type, data }]);
  return caller.request('POST', '/api/v1/files', m.body, m.headers);
}

async function stored(): Promise<{ rows: number; blobs: string[] }> {
  const rows = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM files`);
  const blobs = await readdir(path.join(t.config.FILES_DIR, 'files')).catch(() => []);
  return { rows: rows[0]?.n ?? 0, blobs };
}

beforeAll(async () => {
  t = await createTestApp({ env: { MAX_UPLOAD_MB: '1' } });
  const signIn = async (role: 'district_officer' | 'administrator' | 'viewer') => {
    const user = await buildUser(t.database, { role });
    return t.signIn(user.email, TEST_PASSWORD);
  };
  owner = await signIn('district_officer');
  neighbour = await signIn('district_officer');
  admin = await signIn('administrator');
  viewer = await signIn('viewer');
});
afterAll(() => t.close());

describe('files', () => {
  it('stores an upload, audits it, and gives it back to its owner with safe headers', async () => {
    const r = await upload(owner, png, 'image/png', '../../Kalimpong school.png');
    expect(r.statusCode).toBe(201);
    const file = r.json<{ id: string; name: string; contentType: string; size: number; sha256: string }>();
    expect(file).toMatchObject({
      name: 'Kalimpong school.png',
      contentType: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    const audit = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${file.id}`);
    expect(audit).toEqual([{ action: 'file.upload' }]);

    expect((await owner.get(`/api/v1/files/${file.id}`)).json()).toMatchObject({ id: file.id, size: png.length });
    const d = await owner.get(`/api/v1/files/${file.id}/content`);
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.equals(png)).toBe(true);
    expect(d.headers['content-type']).toBe('image/png');
    expect(d.headers['x-content-type-options']).toBe('nosniff');
    expect(d.headers['content-disposition']).toBe(
      `attachment; filename="Kalimpong school.png"; filename*=UTF-8''Kalimpong%20school.png`,
    );

    expect((await admin.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(200);
    for (const url of [`/api/v1/files/${file.id}`, `/api/v1/files/${file.id}/content`]) {
      const other = await neighbour.get(url);
      expect([other.statusCode, other.json<{ code: string }>().code]).toEqual([404, 'NOT_FOUND']);
    }
  });

  it('accepts a CSV sent as Excel by Windows and XLSX sent as octet-stream', async () => {
    expect((await upload(owner, 'udise,name\n1,A\n', 'application/vnd.ms-excel', 'schools.csv')).json()).toMatchObject({
      contentType: 'application/vnd.ms-excel',
    });
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100)]);
    expect(
      (await upload(owner, xlsx, 'application/octet-stream', 'schools.xlsx')).json<{ contentType: string }>().contentType,
    ).toMatch(/spreadsheetml/);
  });

  it('refuses types outside the allow-list, and claims the bytes contradict, storing nothing', async () => {
    const before = await stored();
    for (const [data, type] of [
      [Buffer.from('GIF89a......'), 'image/gif'],
      [Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), 'application/octet-stream'],
      [png, 'application/pdf'],
      ['<!DOCTYPE html><script>alert(1)</script>', 'text/plain'],
    ] as const) {
      const r = await upload(owner, data, type, 'x');
      expect([r.statusCode, r.json<{ code: string }>().code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses an upload over MAX_UPLOAD_MB with FILE_TOO_LARGE and keeps neither row nor blob', async () => {
    const before = await stored();
    const exact = Buffer.alloc(MiB, 0x41);
    expect((await upload(owner, exact, 'text/plain', 'a.txt')).statusCode).toBe(201);
    const afterExact = await stored();
    const r = await upload(owner, Buffer.alloc(MiB + 10, 0x41), 'text/plain', 'b.txt');
    expect([r.statusCode, r.json<{ code: string }>().code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await stored()).toEqual(afterExact);
    expect(afterExact.rows).toBe(before.rows + 1);
  });

  it('deletes the blob again when the row cannot be written', async () => {
    const before = await stored();
    await t.database.execScript(
      `ALTER TABLE audit_log ADD CONSTRAINT audit_fail_upload CHECK (action <> 'file.upload') NOT VALID`,
    );
    try {
      expect((await upload(owner, png)).statusCode).toBe(500);
    } finally {
      await t.database.execScript('ALTER TABLE audit_log DROP CONSTRAINT audit_fail_upload');
    }
    expect(await stored()).toEqual(before);
  });

  it('needs files.write, one part named file, and multipart', async () => {
    expect((await upload(viewer, png)).json<{ code: string }>().code).toBe('FORBIDDEN');
    const m = multipart([{ field: 'file', filename: 'a.png', type: 'image/png', data: png }]);
    expect((await t.anonymous.request('POST', '/api/v1/files', m.body, m.headers)).statusCode).toBe(401);
    expect((await upload(owner, png, 'image/png', 'a.png', 'photo')).json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    expect((await owner.request('POST', '/api/v1/files', { file: 'x' })).json<{ code: string }>().code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });
});
