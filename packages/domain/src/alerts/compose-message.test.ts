import { describe, expect, it } from 'vitest';
import { safetyLanguages } from '../safety/i18n.js';
import { officerTemplates, schoolTemplates } from './alert-texts.js';
import {
  composeOfficerMessage,
  composeSchoolMessage,
  fillPlaceholders,
  findUnsubscribeUrl,
  intensityText,
  safetyHazardOf,
  withUnsubscribe,
} from './compose-message.js';
import { smsSegments } from './sms-segments.js';

const link = `https://safeschools.example.in/c/${'A'.repeat(43)}`;

describe('alert messages', () => {
  it('every template exists in every language with the placeholders it needs', () => {
    for (const kind of ['alert', 'update', 'cancel'] as const) {
      for (const lang of safetyLanguages) {
        const s = schoolTemplates[kind][lang];
        expect(s.subject).toContain('{school}');
        expect(s.body).toContain('{hazard}');
        expect(s.body).toContain('{link}');
        if (kind !== 'cancel') expect(s.body).toContain('{action}');
        expect(officerTemplates[kind][lang].body).toContain('{schools}');
      }
    }
  });

  it('renders a school alert with the plan steps in the e-mail and the short line in the SMS', () => {
    const m = composeSchoolMessage({
      kind: 'alert',
      language: 'en',
      school: 'GSSS Ranka',
      hazardType: 'Earthquake',
      reach: { band: 3, intensity: 7.24, imt: 'MMI' },
      planSteps: ['Ring the bell', 'Go to the football ground'],
      link,
    });
    expect(m.subject).toBe('Earthquake alert: GSSS Ranka');
    expect(m.body).toContain('severe (level 3: MMI 7.2)');
    expect(m.body).toContain('1. Ring the bell\n2. Go to the football ground');
    expect(m.body).toContain(link);
    expect(m.sms).toContain('Drop, cover, hold on');
    expect(m.sms).not.toContain('Ring the bell');
    expect(m.sms).not.toMatch(/\{[a-z]+\}/);
  });

  it('falls back to the built-in instruction, in the recipient language', () => {
    const m = composeSchoolMessage({
      kind: 'alert',
      language: 'hi',
      school: 'राजकीय विद्यालय',
      hazardType: 'Tropical Cyclone',
      reach: { band: 2, intensity: 26, imt: 'WIND' },
      planSteps: null,
      link,
    });
    expect(m.subject).toBe('चक्रवात चेतावनी: राजकीय विद्यालय');
    expect(m.body).toContain('खिड़कियों से दूर');
    expect(m.body).toContain('हवा 26 m/s');
  });

  it('keeps the Hindi and Japanese SMS of a typical alert within four UCS-2 parts, and English within two', () => {
    for (const lang of ['hi', 'ja'] as const) {
      const m = composeSchoolMessage({
        kind: 'alert',
        language: lang,
        school: 'Government Senior Secondary School Ranka',
        hazardType: 'Earthquake',
        reach: { band: 2, intensity: 6.1, imt: 'MMI' },
        planSteps: null,
        link,
      });
      expect(smsSegments(m.sms).encoding).toBe('ucs2');
      expect(smsSegments(m.sms).segments).toBeLessThanOrEqual(4);
    }
    const en = composeSchoolMessage({
      kind: 'alert',
      language: 'en',
      school: 'GSSS Ranka',
      hazardType: 'Flood',
      reach: { band: 1, intensity: 1, imt: 'INSIDE' },
      planSteps: null,
      link,
    });
    expect(smsSegments(en.sms)).toMatchObject({ encoding: 'gsm7' });
    expect(smsSegments(en.sms).segments).toBeLessThanOrEqual(2);
  });

  it('an officer gets one message listing their schools, up to N names then how many more', () => {
    const schools = [
      { name: 'A School', band: 3 },
      { name: 'B School', band: 2 },
      { name: 'C School', band: 1 },
    ];
    const m = composeOfficerMessage({
      kind: 'alert',
      language: 'en',
      hazardType: 'Earthquake',
      schools,
      total: 12,
      maxNames: 2,
      link: 'https://x.example/events/1',
    });
    expect(m.subject).toBe('Earthquake alert: 12 schools in your area');
    expect(m.body).toContain('- A School (severe, level 3)\n- B School (strong, level 2)\n… and 10 more');
    expect(m.body).not.toContain('C School');
    const ja = composeOfficerMessage({
      kind: 'cancel',
      language: 'ja',
      hazardType: 'Flood',
      schools,
      total: 3,
      maxNames: 5,
      link: 'https://x.example/events/1',
    });
    expect(ja.subject).toBe('取消: 洪水警報(管内3校)');
  });

  it('fills only known placeholders and reads words of hazard types', () => {
    expect(fillPlaceholders('{school} {unknown}', { school: 'X' })).toBe('X {unknown}');
    expect(safetyHazardOf('Typhoon warning')).toBe('cyclone');
    expect(safetyHazardOf('Volcano')).toBeNull();
    expect(intensityText({ band: 1, intensity: 1, imt: 'INSIDE' }, 'ja')).toBe('警報区域内');
  });

  it('puts the unsubscribe link last and finds it again', () => {
    const url = `https://x.example/u/${'b'.repeat(43)}`;
    const body = withUnsubscribe('Hello', url, 'en');
    expect(body.endsWith(url)).toBe(true);
    expect(findUnsubscribeUrl(body)).toBe(url);
    expect(findUnsubscribeUrl('no link here')).toBeUndefined();
  });
});
