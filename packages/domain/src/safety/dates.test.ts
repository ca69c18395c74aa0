import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isIsoDate } from './dates.js';

describe('dates', () => {
  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-01-15', 12)).toBe('2026-01-15');
  });

  it('counts days across a leap year', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('refuses impossible dates', () => {
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
    expect(isIsoDate('2025-02-03')).toBe(true);
  });
});
