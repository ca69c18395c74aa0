/**
 * Which uploads are accepted, decided by the bytes (magic numbers), not by the name or the browser's claim:
 * the claim may only narrow the sniffed kind (CSV within text), never contradict it (a PNG sent as PDF).
 */
export type SniffedKind = 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf' | 'zip' | 'text';
type Family = SniffedKind | 'json' | 'xml' | 'xlsx';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Declared content types accepted, with what the bytes must look like. */
const declared: Record<string, Family> = {
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
  [XLSX]: 'xlsx',
  'text/plain': 'text',
  'text/csv': 'text',
  'application/csv': 'text',
  // Windows browsers send this for .csv files.
  'application/vnd.ms-excel': 'text',
  'application/json': 'json',
  'application/geo+json': 'json',
  'application/vnd.geo+json': 'json',
  'application/topo+json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/cap+xml': 'xml',
};

/** What is stored when the claim says nothing useful (application/octet-stream, empty). */
const defaults: Record<Family, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  zip: 'application/zip',
  xlsx: XLSX,
  text: 'text/plain',
  json: 'application/json',
  xml: 'application/xml',
};

const ascii = (head: Uint8Array, at: number, text: string) => text.split('').every((c, i) => head[at + i] === c.charCodeAt(0));
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

function sniffBinary(head: Uint8Array): SniffedKind | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(head, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'webp';
  if (ascii(head, 4, 'ftyp') && HEIF_BRANDS.some((b) => ascii(head, 8, b))) return 'heic';
  if (ascii(head, 0, '%PDF-')) return 'pdf';
  if (ascii(head, 0, 'PK\x03\x04') || ascii(head, 0, 'PK\x05\x06')) return 'zip';
  return null;
}

/** Text: no NUL or other C0 controls. Every other byte is valid Latin-1, so UTF-8 (even cut mid-character by the end of `head`) passes too. */
export function looksLikeText(head: Uint8Array): boolean {
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  return true;
}

function textFamily(head: Uint8Array): Family | 'refused' {
  let text = Buffer.from(head).toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  const start = text.trimStart().slice(0, 64).toLowerCase();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  // HTML and SVG would run script if ever shown inline: never accepted, whatever they claim to be.
  if (/^<(!doctype\s+html|html|svg|script|body|head|iframe)\b/.test(start)) return 'refused';
  if (start.startsWith('<')) return 'xml';
  return 'text';
}

export interface SniffResult {
  /** The content type to store and serve. */
  contentType: string;
  kind: SniffedKind;
}

/** null when the upload must be refused (FILE_TYPE_NOT_ALLOWED). `head` is the first bytes, 4 KiB is plenty. */
export function sniffFileType(head: Uint8Array, declaredType: string | undefined, filename = ''): SniffResult | null {
  const claim = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const claimed: Family | undefined = declared[claim];
  const unknownClaim = claim === '' || claim === 'application/octet-stream';
  if (!claimed && !unknownClaim) return null;

  const binary = sniffBinary(head);
  const family: Family | 'refused' | null = binary ?? (head.length > 0 && looksLikeText(head) ? textFamily(head) : null);
  if (family === null || family === 'refused') return null;
  const kind: SniffedKind = family === 'json' || family === 'xml' ? 'text' : (family as SniffedKind);

  if (unknownClaim) {
    const isXlsx = family === 'zip' && filename.toLowerCase().endsWith('.xlsx');
    return { kind, contentType: isXlsx ? XLSX : defaults[family] };
  }
  const fits =
    claimed === family ||
    (claimed === 'xlsx' && family === 'zip') ||
    // JSON and XML are text: a CSV/plain claim on them narrows nothing and contradicts nothing.
    (claimed === 'text' && kind === 'text');
  return fits ? { kind, contentType: claim === 'image/jpg' || claim === 'image/pjpeg' ? 'image/jpeg' : claim } : null;
}
