import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams } from './common.js';

export const StoredFile = z
  .object({
    id: z.uuid(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StoredFile' });

/** Multipart upload: one part named `file`. The body schema is documented, not validated by zod. */
export const uploadFile = endpoint({
  id: 'uploadFile',
  method: 'POST',
  path: '/api/v1/files',
  summary: 'Upload a file (photo, document, import source); type and size are checked',
  tag: 'files',
  response: StoredFile,
  successStatus: 201,
  auth: 'user',
});

export const getFileMeta = endpoint({
  id: 'getFileMeta',
  method: 'GET',
  path: '/api/v1/files/:id',
  summary: 'Metadata of a stored file one may see',
  tag: 'files',
  params: IdParams,
  response: StoredFile,
  auth: 'user',
});

export const downloadFile = endpoint({
  id: 'downloadFile',
  method: 'GET',
  path: '/api/v1/files/:id/content',
  summary: 'The stored bytes',
  tag: 'files',
  params: IdParams,
  response: z.unknown(),
  auth: 'user',
});
