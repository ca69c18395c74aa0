import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileStorage } from './s3-file-storage.js';

/**
 * A real S3 protocol round trip, against s3rver listening on 127.0.0.1 in this process, behind a small proxy
 * that records each request (s3rver accepts AbortMultipartUpload but keeps the parts, so the test checks that
 * the abort was sent).
 */
let dir: string;
let proxy: Server;
const requests: string[] = [];
interface FakeS3 {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
let server: FakeS3;
let storage: S3FileStorage;
let raw: S3Client;
const bucket = 'safeschools-test';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'safeschools-s3-'));
  const FakeS3Server = S3rver as unknown as new (options: object) => FakeS3;
  server = new FakeS3Server({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  proxy = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const settings = {
    endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    region: 'us-east-1',
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  storage = new S3FileStorage(settings);
  raw = new S3Client({
    endpoint: settings.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await storage.check();
});
afterAll(async () => {
  storage.destroy();
  raw.destroy();
  await new Promise((resolve) => proxy.close(resolve));
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const read = async (s: Readable) => Buffer.concat((await s.toArray()) as Buffer[]);
const keys = async () => ((await raw.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key);

describe('S3FileStorage', () => {
  it('puts, heads, gets and deletes a small object', async () => {
    const body = Buffer.from('udise_code,name\n1,School\n');
    const stored = await storage.put('files/small', Readable.from([body]), { contentType: 'text/csv', maxBytes: 1000 });
    expect(stored).toEqual({ size: body.length, sha256: createHash('sha256').update(body).digest('hex') });
    expect(await storage.exists('files/small')).toBe(true);
    expect(await read(await storage.get('files/small'))).toEqual(body);
    await storage.delete('files/small');
    expect(await storage.exists('files/small')).toBe(false);
    await expect(storage.get('files/small')).rejects.toThrow(/NOT_FOUND/);
  });

  it('streams a 12 MiB object as a multipart upload', async () => {
    const parts = Array.from({ length: 12 }, (_, i) => Buffer.alloc(1024 * 1024, i));
    const all = Buffer.concat(parts);
    const stored = await storage.put('files/large', Readable.from(parts), {
      contentType: 'application/zip',
      maxBytes: 20 * 1024 * 1024,
    });
    expect(stored.size).toBe(all.length);
    expect(stored.sha256).toBe(createHash('sha256').update(all).digest('hex'));
    expect((await read(await storage.get('files/large'))).equals(all)).toBe(true);
    await storage.delete('files/large');
  });

  it('aborts an oversize upload (single part or multipart) and leaves no object or parts', async () => {
    for (const [size, max] of [
      [3000, 1000],
      [8 * 1024 * 1024, 6 * 1024 * 1024],
    ] as const) {
      const body = Readable.from(Array.from({ length: Math.ceil(size / 1000) }, () => Buffer.alloc(1000, 7)));
      await expect(storage.put('files/too-big', body, { contentType: 'text/plain', maxBytes: max })).rejects.toThrow(
        /FILE_TOO_LARGE/,
      );
      expect(await keys()).not.toContain('files/too-big');
    }
    const started = requests.filter((r) => r.startsWith('POST /safeschools-test/files/too-big?uploads')).length;
    const aborted = requests.filter((r) => /^DELETE \/safeschools-test\/files\/too-big\?uploadId=/.test(r)).length;
    expect(started).toBe(1);
    expect(aborted).toBe(1);
  });

  it('refuses unsafe keys before any request', async () => {
    await expect(storage.put('../x', new Uint8Array(1), { contentType: 'x', maxBytes: 10 })).rejects.toThrow(/VALIDATION_FAILED/);
  });
});
