import { refuse, shown } from './cap-rules.js';

// CAP 1.2 §3.3.2: YYYY-MM-DDThh:mm:ss with an offset ±hh:mm. Fractional seconds and "Z" are accepted: both are
// unambiguous, and the reasons for "Z" are in cap-rules.ts.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
}

/**
 * True when text is a CAP dateTime naming one instant. Checked field by field: Date.parse rolls 30 February
 * over to March and takes a time without an offset as local time, so it cannot be the judge.
 */
export function isCapDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  // Offset groups are absent for "Z", which is UTC: they count as 0.
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = m
    .slice(1)
    .map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  return offsetHours <= 14 && offsetMinutes <= 59;
}

/** The text when it is a CAP dateTime; refused otherwise, since a wrong time can make an alert look expired. */
export function checkDateTime(text: string, where: string): string {
  if (!isCapDateTime(text)) {
    refuse(
      'CAP_DATETIME_INVALID',
      `${where} "${shown(text)}" is not a CAP date and time with its offset from UTC, such as 2003-06-17T14:57:00-07:00.`,
    );
  }
  return text;
}
