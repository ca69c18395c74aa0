import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../domain/shared/app-error.js';
import type { FileStorage, StoredObject } from './file-storage.js';
import { measureStream, toReadable } from './measure-stream.js';
import { assertStorageKey } from './storage-key.js';

export interface S3Settings {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const notFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/**
 * An S3-compatible object store (AWS, MinIO, Garage, Ceph...). Uploads stream through lib-storage's Upload
 * (multipart above 5 MiB) with the size limit and sha256 applied while streaming; an oversize upload is
 * aborted, so no object and no orphaned parts are left.
 */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Many S3-compatible stores reject the SDK's default streamed CRC32 trailers (aws-chunked encoding).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Fails at start-up, not at the first upload, when the bucket is unreachable or the keys are wrong. */
  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
  }

  async put(key: string, body: Readable | Uint8Array, options: { contentType: string; maxBytes: number }): Promise<StoredObject> {
    const Key = assertStorageKey(key);
    const meter = measureStream(options.maxBytes);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key, Body: meter, ContentType: options.contentType },
      queueSize: 2,
      partSize: 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    const feeding = pipeline(toReadable(body), meter);
    try {
      await Promise.all([
        feeding.catch(async (error: unknown) => {
          await upload.abort().catch(() => undefined);
          throw error;
        }),
        upload.done(),
      ]);
      return meter.result();
    } catch (error) {
      // The feeding error (FILE_TOO_LARGE, client gone) is the cause; the upload's abort error is only its echo.
      const cause = await feeding.then(
        () => error,
        (feedError: unknown) => feedError,
      );
      await this.delete(key).catch(() => undefined);
      throw cause;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: assertStorageKey(key) }));
      return out.Body as Readable;
    } catch (error) {
      if (notFound(error)) throw new AppError('NOT_FOUND');
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: assertStorageKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: assertStorageKey(key) }));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
