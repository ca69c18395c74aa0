import type { Readable } from 'node:stream';

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface FileScan {
  bytes: number;
  encoding: TextEncoding;
  /** The first bytes, to tell JSON from CSV from XLSX. */
  head: Buffer;
}

/**
 * Reads the file once without keeping it: its size (for progress), whether it is valid UTF-8, and its first
 * bytes. Files that are not UTF-8 are nearly always Excel's "CSV" on Windows, i.e. windows-1252 (a superset
 * of Latin-1 for printable characters), so that is the fallback.
 */
export async function scanFile(stream: Readable): Promise<FileScan> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let valid = true;
  const heads: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (bytes < 4096) heads.push(chunk.subarray(0, 4096 - bytes));
    bytes += chunk.length;
    if (!valid) continue;
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      valid = false;
    }
  }
  if (valid) {
    try {
      decoder.decode();
    } catch {
      valid = false;
    }
  }
  const head = Buffer.concat(heads);
  // A zip (XLSX) is binary: its text lives inside, in UTF-8 by the format's own rules.
  const zip = head.subarray(0, 4).toString('latin1') === 'PK\x03\x04';
  return { bytes, encoding: valid || zip ? 'utf-8' : 'windows-1252', head };
}

/** The file as text chunks, without a byte-order mark; `onBytes` hears how far the reading got. */
export async function* decodeText(
  stream: Readable,
  encoding: TextEncoding,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    const text = decoder.decode(chunk, { stream: true });
    onBytes(bytes);
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
