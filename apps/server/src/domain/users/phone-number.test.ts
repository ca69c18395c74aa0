import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone-number.js';

describe('normalisePhone', () => {
  it('reads Indian mobile numbers with or without +91 and with a trunk 0', () => {
    for (const text of ['9876543210', '98765 43210', '+91 98765 43210', '+919876543210', '098765-43210', '0091 98765 43210']) {
      expect(normalisePhone(text), text).toBe('+919876543210');
    }
  });

  it('reads an Indian fixed line with its STD code', () => {
    expect(normalisePhone('011 2345 6789')).toBe('+911123456789');
  });

  it('reads Japanese mobile and fixed numbers given with +81', () => {
    expect(normalisePhone('+81 90-1234-5678')).toBe('+819012345678');
    expect(normalisePhone('+81 3-1234-5678')).toBe('+81312345678');
  });

  it('reads a Japanese number without + in Japan when asked to', () => {
    expect(normalisePhone('090-1234-5678', 'JP')).toBe('+819012345678');
  });

  it('refuses junk, short numbers, letters and extensions', () => {
    for (const text of ['', '   ', 'abc', 'call me', '12345', '+9198765', '98765432101234', '+0 123', '9876543210 ext 12', '98765abc10']) {
      expect(normalisePhone(text), text).toBeNull();
    }
  });

  it('refuses numbers that are valid but not a phone one can text or call (toll-free, premium rate)', () => {
    expect(normalisePhone('1800 180 1551')).toBeNull();
    expect(normalisePhone('+81 570-000-000')).toBeNull();
  });
});
