import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server for a provider fake: 127.0.0.1, a free port. */
export async function listenOnLoopback(
  handle: (request: IncomingMessage, body: string, response: ServerResponse) => void | Promise<void>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      Promise.resolve(handle(request, Buffer.concat(chunks).toString('utf8'), response)).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function answerJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A callback a fake would send to the server: `deliver` posts it, or a test hands it to `app.inject`. */
export interface SignedRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

export async function deliver(request: SignedRequest): Promise<{ status: number; body: string }> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.method === 'POST' ? { body: request.body } : {}),
  });
  return { status: response.status, body: await response.text() };
}

/** What a fake received, with a way to wait for something to arrive (event-driven, no polling). */
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: { check(): void }[] = [];

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) waiter.check();
  }

  /** Resolves with the items once `predicate(items)` holds; rejects after `timeoutMs` naming what was received. */
  waitFor(predicate: (items: readonly T[]) => boolean, timeoutMs = 10_000): Promise<readonly T[]> {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          if (!predicate(this.items)) return;
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(this.items);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`waitFor: not met within ${timeoutMs} ms; received ${this.items.length} item(s)`));
      }, timeoutMs);
      this.waiters.push(waiter);
      waiter.check();
    });
  }
}

/** Programmed answers for the next requests (storms), consumed one per request. */
export class Storm<A> {
  private queue: A[] = [];
  next(count: number, answer: A): void {
    for (let i = 0; i < count; i++) this.queue.push(answer);
  }
  take(): A | undefined {
    return this.queue.shift();
  }
  clear(): void {
    this.queue = [];
  }
}
