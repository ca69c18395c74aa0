import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** Numbers written without a country code are read as Indian ones (the programme's first country). */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'IN';

const reachable = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

/**
 * A phone number as people type it ("98765 43210", "098765 43210", "+81 90-1234-5678", "0081 …") in E.164, or
 * null when it is not a valid mobile or fixed-line number (too short, letters, premium-rate, pagers …). Without a
 * leading + the number is read in `defaultCountry`. Uses the full metadata, so the number type is known.
 */
export function normalisePhone(text: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 40 || /[a-z]/i.test(trimmed.replace(/\s*(ext\.?|x)\s*\d+$/i, ''))) return null;
  const parsed = parsePhoneNumberFromString(trimmed, trimmed.startsWith('+') ? undefined : defaultCountry);
  if (!parsed || !parsed.isValid() || parsed.ext) return null;
  const type = parsed.getType();
  return type && reachable.has(type) ? parsed.number : null;
}
