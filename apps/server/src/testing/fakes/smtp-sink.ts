import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { Recorder } from './fake-server.js';
import { parseMail } from './mime.js';

export interface CapturedMail {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO). */
  envelope: { from: string; to: string[] };
  /** Lower-cased header names, decoded values. */
  headers: Map<string, string>;
  messageId: string | undefined;
  subject: string | undefined;
  /** The decoded text/plain body. */
  text: string;
  raw: Buffer;
}

export interface SmtpSink {
  /** SMTP_URL for the adapter (with the credentials when the sink asks for them). */
  readonly url: string;
  readonly port: number;
  readonly messages: Recorder<CapturedMail>;
  /** RCPT TO `address` is answered with `code` (4xx: try later; 5xx: refused) until cleared. */
  failRecipient(address: string, code: number, message?: string): void;
  clearFailures(): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS) that keeps what it receives. */
export async function startSmtpSink(options: { user?: string; pass?: string } = {}): Promise<SmtpSink> {
  const messages = new Recorder<CapturedMail>();
  const failures = new Map<string, { code: number; message: string }>();
  const auth = options.user !== undefined && options.pass !== undefined;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !auth,
    logger: false,
    onAuth(authentication, _session, callback) {
      if (authentication.username === options.user && authentication.password === options.pass) {
        callback(null, { user: authentication.username });
      } else {
        callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
      }
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const failure = failures.get(address.address.toLowerCase());
      if (failure) {
        callback(Object.assign(new Error(failure.message), { responseCode: failure.code }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const parsed = parseMail(raw);
        const from = session.envelope.mailFrom;
        messages.push({
          envelope: { from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
          headers: parsed.headers,
          messageId: parsed.headers.get('message-id'),
          subject: parsed.headers.get('subject'),
          text: parsed.text,
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client that dies mid-session (a server killed by the fault test) resets its connection: the sink, like a real
  // mail server, carries on; without a listener smtp-server's 'error' event would end the test process.
  server.on('error', () => {});
  const { port } = server.server.address() as AddressInfo;
  const credentials = auth ? `${encodeURIComponent(options.user!)}:${encodeURIComponent(options.pass!)}@` : '';
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    messages,
    failRecipient: (address, code, message) =>
      failures.set(address.toLowerCase(), { code, message: message ?? (code >= 500 ? 'Mailbox unavailable' : 'Try again later') }),
    clearFailures: () => failures.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
