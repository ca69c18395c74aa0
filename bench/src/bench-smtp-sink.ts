import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback (the `smtp-server` package) that accepts every message and counts it: what the
 * delivery benchmark sends to. No TLS and no AUTH, so the client talks plain SMTP on 127.0.0.1.
 */
export interface BenchSmtpSink {
  url: string;
  /** Messages whose DATA was read to the end and accepted. */
  readonly received: number;
  /** Distinct Message-IDs among them (a resend after a crash would repeat one). */
  readonly distinctMessageIds: number;
  bytes: number;
  /** Resolves once `count` messages have been accepted in all. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

export async function startBenchSmtpSink(): Promise<BenchSmtpSink> {
  let received = 0;
  let bytes = 0;
  const ids = new Set<string>();
  const waiters: { count: number; resolve(): void }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    // No reverse DNS of each client (dns.reverse skips /etc/hosts and asks the resolver): nothing to learn on loopback.
    disableReverseLookup: true,
    logger: false,
    maxClients: 500,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received += 1;
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1];
        if (id) ids.add(id);
        for (const w of waiters.filter((x) => received >= x.count)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get received() {
      return received;
    },
    get distinctMessageIds() {
      return ids.size;
    },
    get bytes() {
      return bytes;
    },
    set bytes(v: number) {
      bytes = v;
    },
    waitFor(count, timeoutMs) {
      if (received >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`SMTP sink: ${received} of ${count} messages after ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    reset() {
      received = 0;
      bytes = 0;
      ids.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
