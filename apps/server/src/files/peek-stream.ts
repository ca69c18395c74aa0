import { Readable } from 'node:stream';

/**
 * Reads the first `bytes` of a stream (fewer if it ends sooner) and gives back a stream that still yields
 * everything, head included, so a type check can look at the start before the upload is stored.
 */
export async function peekStream(source: Readable, bytes: number): Promise<{ head: Buffer; body: Readable; cancel: () => void }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value);
    length += next.value.length;
  }
  const start = Buffer.concat(chunks);
  async function* rest(): AsyncGenerator<Buffer> {
    if (start.length) yield start;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return {
    head: start.subarray(0, bytes),
    body: Readable.from(rest(), { objectMode: false }),
    cancel: () => source.destroy(),
  };
}
