import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sends what `write` produces as a file download while it is being produced. Headers leave before the first
 * byte, so a failure half-way cuts the stream: the client sees a failed download, never a short file.
 */
export function sendStreamedDownload(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { type: string; name: string },
  write: (out: Writable) => Promise<unknown>,
): FastifyReply {
  const body = new PassThrough();
  write(body).catch((error: unknown) => {
    request.log.error({ err: error }, 'download failed while streaming');
    body.destroy(error as Error);
  });
  return reply
    .type(file.type)
    .header('content-disposition', `attachment; filename="${file.name}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}
