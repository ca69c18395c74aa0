import { describe, expect, it } from 'vitest';
import { smsEncoding, smsSegments } from './sms-segments.js';

describe('smsSegments', () => {
  it('counts plain English as GSM-7, 160 in one part and 153 a part after', () => {
    expect(smsSegments('')).toEqual({ encoding: 'gsm7', segments: 0, units: 0, perSegment: 160 });
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'gsm7', segments: 1, units: 160 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters as two septets and never splits one across parts', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 152 plain septets then a two-septet character: it cannot start in the last slot of part one.
    expect(smsSegments(`${'a'.repeat(152)}{${'a'.repeat(10)}`)).toMatchObject({ units: 164, segments: 2 });
    expect(smsSegments(`${'a'.repeat(152)}[${'a'.repeat(152)}`).segments).toBe(3);
  });

  it('treats the GSM basic table (accents, Greek capitals, @ £ ¥) as GSM-7', () => {
    expect(smsEncoding('Ça coûte 5£ @ ΔΩ é à ü')).toBe('ucs2'); // û is not in the table
    expect(smsEncoding('Ça coute 5£ @ ΔΩ é à ü')).toBe('gsm7');
  });

  it('makes Hindi and Japanese UCS-2: 70 in one part, 67 a part after', () => {
    const hindi = 'क'.repeat(70);
    expect(smsSegments(hindi)).toMatchObject({ encoding: 'ucs2', segments: 1, units: 70, perSegment: 70 });
    expect(smsSegments(`${hindi}ख`)).toMatchObject({ segments: 2, perSegment: 67 });
    expect(smsSegments('地震'.repeat(67)).segments).toBe(2);
    // One non-GSM character turns the whole English text into UCS-2.
    expect(smsSegments(`${'a'.repeat(100)}क`)).toMatchObject({ encoding: 'ucs2', segments: 2 });
  });

  it('keeps a surrogate pair (an emoji) whole', () => {
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 66 units then an emoji of 2: it moves to part two.
    expect(smsSegments(`${'क'.repeat(66)}😀${'क'.repeat(10)}`)).toMatchObject({ units: 78, segments: 2 });
  });
});
