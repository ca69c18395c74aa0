/**
 * A small reader for the messages the SMTP sink captures: headers (unfolded, RFC 2047 words decoded) and the
 * text/plain body (quoted-printable or base64, UTF-8), the first text/plain part of a multipart message.
 */
export interface ParsedMail {
  /** Lower-cased names; a repeated header keeps its first value. */
  headers: Map<string, string>;
  text: string;
}

export function parseMail(raw: Buffer | string): ParsedMail {
  const source = typeof raw === 'string' ? raw : raw.toString('utf8');
  const { headers, body } = splitHeaders(source);
  return { headers, text: textOf(headers, body) };
}

function splitHeaders(source: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(source);
  const head = match ? source.slice(0, match.index) : source;
  const body = match ? source.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

/** `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=`; whitespace between two encoded words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, data: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : quotedPrintableBytes(data.replace(/_/g, ' '));
      return bytes.toString(charsetOf(charset));
    });
}

function textOf(headers: Map<string, string>, body: string): string {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const parsed = splitHeaders(part.replace(/^\r?\n/, ''));
      const type = parsed.headers.get('content-type') ?? 'text/plain';
      if (/^(text\/plain|multipart\/)/i.test(type)) return textOf(parsed.headers, parsed.body);
    }
    return '';
  }
  const charset = charsetOf(/charset="?([^";]+)"?/i.exec(contentType)?.[1] ?? 'utf-8');
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString(charset);
  if (encoding === 'quoted-printable') return quotedPrintableBytes(body.replace(/=\r?\n/g, '')).toString(charset);
  return body;
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function charsetOf(name: string): BufferEncoding {
  return /^(us-)?ascii$/i.test(name) ? 'ascii' : /^(iso-8859-1|latin1)$/i.test(name) ? 'latin1' : 'utf8';
}
