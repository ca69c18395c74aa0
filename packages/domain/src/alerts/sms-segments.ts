/**
 * How many SMS parts a text takes, as a phone network counts them (3GPP TS 23.038 / 23.040): a text entirely in
 * the GSM 7-bit alphabet is 160 septets in one part, else 153 a part (the rest carries the concatenation header);
 * characters of the extension table (€ [ ] { } ^ ~ \ | and form feed) take two septets, and never straddle two
 * parts. Any other character (Devanagari, kana, kanji, an emoji) makes the whole text UCS-2: 70 UTF-16 units in one
 * part, else 67 a part, a surrogate pair kept together. Hindi is therefore 70 characters a part.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

const basic = new Set(Array.from(GSM_BASIC));
const extension = new Set(Array.from(GSM_EXTENSION));

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Parts the text is sent as (0 for an empty text). */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Units one part holds at this length: 160/70 for a single part, else 153/67. */
  perSegment: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!basic.has(ch) && !extension.has(ch)) return 'ucs2';
  return 'gsm7';
}

/** Packs the characters' unit sizes into parts of `size` units, never splitting one character. */
function pack(sizes: readonly number[], size: number): number {
  let parts = 1;
  let used = 0;
  for (const s of sizes) {
    if (used + s > size) {
      parts += 1;
      used = 0;
    }
    used += s;
  }
  return parts;
}

export function smsSegments(text: string): SmsCount {
  const encoding = smsEncoding(text);
  const chars = Array.from(text);
  const sizes = chars.map((ch) => (encoding === 'gsm7' ? (extension.has(ch) ? 2 : 1) : ch.length));
  const units = sizes.reduce((a, b) => a + b, 0);
  const single = encoding === 'gsm7' ? 160 : 70;
  const multi = encoding === 'gsm7' ? 153 : 67;
  if (units === 0) return { encoding, segments: 0, units, perSegment: single };
  if (units <= single) return { encoding, segments: 1, units, perSegment: single };
  return { encoding, segments: pack(sizes, multi), units, perSegment: multi };
}
