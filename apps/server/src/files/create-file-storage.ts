import { mkdir } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import type { FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

/** The storage named by STORAGE: a folder in DATA_DIR (default) or an S3-compatible bucket, checked at start-up. */
export async function createFileStorage(config: Config): Promise<FileStorage> {
  if (config.STORAGE === 'local') {
    await mkdir(config.FILES_DIR, { recursive: true });
    return new LocalFileStorage(config.FILES_DIR);
  }
  const { S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = config;
  // config.ts already refuses STORAGE=s3 without these; this only narrows the types.
  if (!S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) throw new Error('STORAGE=s3 needs S3_BUCKET and keys');
  const storage = new S3FileStorage({
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    region: config.S3_REGION,
    bucket: S3_BUCKET,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
  await storage.check();
  return storage;
}
