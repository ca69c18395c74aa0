import { describe, expect, it } from 'vitest';
import { generateSchoolFile } from './school-file.js';
import { parseSeed, SeededRandom } from './seeded-random.js';

describe('SeededRandom', () => {
  it('draws the same numbers from the same seed, and other numbers for another part of the run', () => {
    const draw = (r: SeededRandom) => Array.from({ length: 5 }, () => r.int(0, 1000));
    expect(draw(new SeededRandom(42))).toEqual(draw(new SeededRandom(42)));
    expect(draw(new SeededRandom(42).fork('import:pglite'))).not.toEqual(draw(new SeededRandom(42).fork('import:postgres')));
  });

  it('stays within its bounds', () => {
    const r = new SeededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      expect(r.next()).toBeLessThan(1);
    }
  });

  it('takes FAULT_SEED as a number or as any text, and makes one up without it', () => {
    expect(parseSeed('123')).toBe(123);
    expect(parseSeed('release-0.2')).toBe(parseSeed('release-0.2'));
    expect(Number.isInteger(parseSeed(undefined))).toBe(true);
  });
});

describe('generateSchoolFile', () => {
  it('writes distinct 11-digit codes and points inside India', () => {
    const file = generateSchoolFile(new SeededRandom(3), 500, 10_000_000_000);
    const lines = file.csv.trim().split('\n');
    expect(lines[0]).toBe('school_id_govt,school_name,latitude,longitude');
    expect(lines).toHaveLength(501);
    expect(new Set(file.schools.map((s) => s.code)).size).toBe(500);
    for (const s of file.schools) {
      expect(s.code).toMatch(/^\d{11}$/);
      expect(s.lon >= 68 && s.lon <= 98 && s.lat >= 6 && s.lat <= 38).toBe(true);
    }
  });
});
