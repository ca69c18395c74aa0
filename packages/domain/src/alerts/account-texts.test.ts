import { describe, expect, it } from 'vitest';
import { missingLanguages, safetyLanguages } from '../safety/i18n.js';
import { accountMail, accountMailTexts } from './account-mail-texts.js';
import { consentText, consentTexts } from './consent-texts.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('account e-mails and the unsubscribe page', () => {
  it('have every text in every language with the same placeholders', () => {
    const all = [...Object.values(consentTexts), ...Object.values(accountMailTexts).flatMap((m) => [m.subject, m.body])];
    for (const text of all) {
      expect(missingLanguages(text)).toEqual([]);
      expect(placeholders(text.hi)).toEqual(placeholders(text.en));
      expect(placeholders(text.ja)).toEqual(placeholders(text.en));
    }
  });

  it('fill the link, name and address in each language', () => {
    for (const language of safetyLanguages) {
      const mail = accountMail('passwordReset', language, { name: 'Priya', email: 'p@example.org', site: 'https://ss.example', link: 'https://ss.example/reset-password?token=abc' });
      expect(mail.body).toContain('https://ss.example/reset-password?token=abc');
      expect(mail.body).toContain('p@example.org');
      expect(mail.body).not.toMatch(/\{\w+\}/);
      expect(consentText('question', language, { channel: 'SMS', address: '+919876543210' })).toContain('+919876543210');
    }
  });

  it('leaves a placeholder without a value visible rather than empty', () => {
    expect(accountMail('invitation', 'en', {}).body).toContain('{link}');
  });
});
