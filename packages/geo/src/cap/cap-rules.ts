import { GeoInputError, type GeoErrorCode, type GeoWarning } from '../errors.js';

/*
 * The normative rules of CAP 1.2 (OASIS, 2010, §3.2) and what the reader does when a message breaks one.
 * Refuse: the whole message is thrown out, because acting on it could mislead (it names no hazard, it cannot be
 * tied to the message it changes, or its time or area is ambiguous). Warn: it is read, and the break is reported
 * beside it, because it is cosmetic or changes nothing SafeSchools does with the alert.
 *
 * | rule                                                    | broken: | code                                      |
 * |---------------------------------------------------------|---------|-------------------------------------------|
 * | root is <alert> in a CAP namespace                      | refuse  | CAP_INVALID                               |
 * | identifier, sender, sent, status, msgType, scope        | refuse  | CAP_ELEMENT_MISSING                       |
 * | status, msgType, scope within their CAP lists           | refuse  | CAP_VALUE_UNKNOWN                         |
 * |   ...the listed value in another letter case            | warn    | CAP_VALUE_CASE (read as the listed value) |
 * | identifier: no whitespace, comma, < or &                | refuse  | CAP_IDENTIFIER_INVALID                    |
 * | sender: no whitespace, comma, < or &                    | refuse  | CAP_SENDER_INVALID                        |
 * | sent, effective, onset, expires: date, time and offset  | refuse  | CAP_DATETIME_INVALID                      |
 * |   ..."Z" for UTC instead of "-00:00"; fractional secs   | accept  | (none)                                    |
 * | references present on Update, Cancel, Ack, Error        | refuse  | CAP_REFERENCES_MISSING                    |
 * | references: whitespace-separated sender,identifier,sent | refuse  | CAP_REFERENCE_INVALID                     |
 * | restriction when Restricted; addresses when Private     | warn    | CAP_SCOPE_INCOMPLETE                      |
 * | info: event, urgency, severity, certainty               | refuse  | CAP_ELEMENT_MISSING                       |
 * | info: urgency, severity, certainty within their lists   | refuse  | CAP_VALUE_UNKNOWN                         |
 * | info: at least one category, each within its list       | warn    | CAP_INFO_INCOMPLETE, CAP_VALUE_UNKNOWN    |
 * | area: areaDesc                                          | warn    | CAP_AREA_NO_DESC                          |
 * | polygon: "lat,lon" pairs, at least 4                    | refuse  | POLYGON_INVALID                           |
 * | polygon: first pair equal to the last                   | refuse  | POLYGON_NOT_CLOSED                        |
 * | circle: "lat,lon radius", radius in km, not negative    | refuse  | CIRCLE_INVALID                            |
 * |   ...radius 0 (a point)                                 | warn    | CAP_CIRCLE_ZERO_RADIUS                    |
 * | geocode: valueName and value                            | warn    | CAP_GEOCODE_INVALID (the pair is dropped) |
 * | at least one info block                                 | warn    | CAP_NO_INFO (the server refuses it to     |
 * |                                                         |         | make an event, except for a Cancel)       |
 *
 * Why each way:
 * - An Update or Cancel without references replaces nothing: read on, it would become a second, live alert
 *   beside the one it meant to change or cancel. A malformed triple is refused rather than skipped, because
 *   skipping it silently turns the message into a partial update.
 * - An identifier or sender with a comma or whitespace can never be referenced (they separate the triples),
 *   so a later Cancel could not reach the alert and it would stay live.
 * - A time without an offset is ambiguous by up to 26 hours, so an alert could be read as expired or not yet
 *   effective. "Z" is forbidden by CAP but names the same instant as "-00:00", and some agency feeds write it;
 *   refusing it would drop real alerts over spelling, so it is accepted without a warning.
 * - Without urgency, severity or certainty (or with values outside the lists, which offer "Unknown" for a
 *   sender who does not know) the alert cannot be ranked against others; unknown status could turn an exercise
 *   into an actual alert, and an unknown msgType says neither "new" nor "changes an earlier one".
 * - An unclosed polygon is how a ring cut short in transmission looks; closing it would draw another area.
 * - Category, areaDesc, geocode pairs, restriction and addresses change nothing the engine computes (the
 *   event names the hazard, the geometry places the schools, and SafeSchools routes no alert by address), so
 *   refusing them would drop real hazards for a cosmetic fault.
 */

export const STATUS = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CATEGORIES = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const;
export const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

/** Text from the message as shown in an error: long enough to find it, short enough for a log line. */
export function shown(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

export function refuse(code: GeoErrorCode, message: string): never {
  throw new GeoInputError(code, message);
}

/** The required elements' texts; refused, naming every one that is absent or empty. */
export function requirePresent<K extends string>(values: Record<K, string | undefined>, where: string): Record<K, string> {
  const missing = Object.entries(values)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (missing.length > 0) refuse('CAP_ELEMENT_MISSING', `${where} lacks the required ${missing.join(', ')}.`);
  return values as Record<K, string>;
}

/**
 * The value as CAP lists it. A value differing only in letter case is read as the listed one with a warning;
 * anything else is refused.
 */
export function listed(value: string, allowed: readonly string[], name: string, where: string, warnings: GeoWarning[]): string {
  if (allowed.includes(value)) return value;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (match === undefined)
    refuse('CAP_VALUE_UNKNOWN', `${where}: ${name} "${shown(value)}" is not one of ${allowed.join(', ')}.`);
  warnings.push({ code: 'CAP_VALUE_CASE', message: `${where}: ${name} "${value}" is read as "${match}".` });
  return match;
}

// Whitespace and commas separate the parts of a reference; < and & are restricted characters in CAP.
const NOT_IN_IDS = /[\s,<&]/;

/** True when text can stand as the sender or identifier part of a reference. */
export function isCapId(text: string): boolean {
  return text !== '' && !NOT_IN_IDS.test(text);
}

export function checkId(text: string, name: 'identifier' | 'sender'): string {
  if (!isCapId(text)) {
    refuse(
      name === 'identifier' ? 'CAP_IDENTIFIER_INVALID' : 'CAP_SENDER_INVALID',
      `The ${name} "${shown(text)}" contains a space, comma, < or &, which CAP forbids there.`,
    );
  }
  return text;
}
