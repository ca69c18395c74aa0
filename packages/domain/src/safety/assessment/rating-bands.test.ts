import { describe, expect, it } from 'vitest';
import { bandFor } from './rating-bands.js';

describe('bandFor', () => {
  it('puts each threshold in the higher band', () => {
    expect([80, 79.9, 65, 50, 35, 34.9, 0].map((s) => bandFor(s).band)).toEqual(['A', 'B', 'B', 'C', 'D', 'E', 'E']);
    expect(bandFor(100).readiness).toBe('high');
  });
});
