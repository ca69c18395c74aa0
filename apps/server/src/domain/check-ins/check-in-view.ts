import type { CheckInRow } from '../../db/check-ins/check-ins.repository.js';
import type { CheckInLink } from './resolve-check-in-link.js';

export type CheckInLanguage = 'en' | 'hi' | 'ja';

/** What a check-in link may show: the school's name, the event's title and the school's answer, nothing else. */
export interface CheckInView {
  link: CheckInLink;
  language: CheckInLanguage;
  answer: CheckInRow | null;
}

export function languageOf(value: string | null | undefined): CheckInLanguage {
  return value === 'hi' || value === 'ja' ? value : 'en';
}
