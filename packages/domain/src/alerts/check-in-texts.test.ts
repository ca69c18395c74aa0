import { describe, expect, it } from 'vitest';
import { missingLanguages, safetyLanguages } from '../safety/i18n.js';
import { checkInText, checkInTexts } from './check-in-texts.js';

describe('check-in texts', () => {
  it('has every text in English, Hindi and Japanese', () => {
    for (const [key, text] of Object.entries(checkInTexts)) expect([key, missingLanguages(text)]).toEqual([key, []]);
  });

  it('keeps the same placeholders in every language', () => {
    for (const [key, text] of Object.entries(checkInTexts)) {
      const names = safetyLanguages.map((lang) => [...text[lang].matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(','));
      expect([key, new Set(names).size]).toEqual([key, 1]);
    }
  });

  it('fills placeholders', () => {
    expect(checkInText('limitedBody', 'en', { minutes: 5 })).toBe('Please wait 5 minutes and try again.');
    expect(checkInText('thanksBody', 'hi', { date: '2026-12-22' })).toContain('2026-12-22');
  });
});
