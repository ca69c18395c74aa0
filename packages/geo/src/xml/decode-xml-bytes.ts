import type { GeoWarning } from '../errors.js';

interface Decoder {
  decode(input: Uint8Array): string;
}
type DecoderCtor = new (label: string, options?: { fatal?: boolean }) => Decoder;

// TextDecoder exists in every runtime we target (Node, browsers, workers) but is not in the ES lib typings;
// reaching it through globalThis keeps this package free of DOM or Node type dependencies.
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderCtor }).TextDecoder;

const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii']);

/** Maps an XML encoding label to a WHATWG label. Latin-1 is decoded as windows-1252, its superset. */
function normaliseLabel(label: string): string {
  const lower = label.trim().toLowerCase();
  if (lower === 'utf8') return 'utf-8';
  if (LATIN1_LABELS.has(lower)) return 'windows-1252';
  return lower;
}

function detectBom(bytes: Uint8Array): { label: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  return null;
}

/** Reads `encoding="..."` from the XML declaration; the declaration itself is ASCII in every encoding we accept. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, Math.min(bytes.length, 256));
  let text = '';
  for (const b of head) text += String.fromCharCode(b);
  const decl = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(text);
  return decl?.[1] ?? null;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoderImpl(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Turns the bytes of an XML document into text: BOM first, then the declared encoding, then UTF-8. A declared
 * encoding that does not fit the bytes is a warning, never a crash: the text is decoded as windows-1252
 * (every byte maps to a character) so the reader can still report what it found.
 */
export function decodeXmlBytes(input: Uint8Array | string, warnings: GeoWarning[]): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const bom = detectBom(input);
  if (bom) {
    const text = tryDecode(bom.label, input.subarray(bom.skip));
    if (text !== null) return text;
    warnings.push({ code: 'XML_ENCODING_MISMATCH', message: `The ${bom.label} byte-order mark does not match the bytes.` });
    return new TextDecoderImpl('utf-8').decode(input.subarray(bom.skip));
  }
  const declared = declaredEncoding(input);
  const label = declared ? normaliseLabel(declared) : 'utf-8';
  let decoderKnown = true;
  try {
    new TextDecoderImpl(label);
  } catch {
    decoderKnown = false;
    warnings.push({ code: 'XML_ENCODING_UNKNOWN', message: `Unknown declared encoding "${declared}"; read as UTF-8.` });
  }
  const text = tryDecode(decoderKnown ? label : 'utf-8', input);
  if (text !== null) return text;
  warnings.push({
    code: 'XML_ENCODING_MISMATCH',
    message: `The document is not valid ${declared ?? 'UTF-8'}; it was read as windows-1252 and some characters may be wrong.`,
  });
  return new TextDecoderImpl('windows-1252').decode(input);
}
