import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hashed = await hashPassword('a long enough passphrase');
    expect(hashed).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hashed, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(hashed, 'a long enough passphrasE')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('refuses short, repetitive and self-describing passwords', () => {
    expect(() => checkPasswordStrength('short', 'a@b.org')).toThrow(/WEAK_PASSWORD/);
    expect(() => checkPasswordStrength('aaaaaaaaaaaaaaaa', 'a@b.org')).toThrow(/WEAK_PASSWORD/);
    expect(() => checkPasswordStrength('priya.sharma2026', 'priya.sharma@ngo.org')).toThrow(/WEAK_PASSWORD/);
    expect(() => checkPasswordStrength('monsoon drill at nine', 'priya@ngo.org')).not.toThrow();
  });
});
