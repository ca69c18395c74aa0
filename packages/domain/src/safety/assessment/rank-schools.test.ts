import { describe, expect, it } from 'vitest';
import { rankSchools } from './rank-schools.js';

describe('rankSchools', () => {
  it('uses competition ranking for ties and puts unscored schools last', () => {
    const ranks = rankSchools([
      { schoolId: 'd', score: 40 },
      { schoolId: 'a', score: 90 },
      { schoolId: 'x', score: null },
      { schoolId: 'b', score: 75 },
      { schoolId: 'c', score: 75 },
    ]);
    expect(ranks.map((r) => [r.schoolId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['x', null],
    ]);
    expect(ranks.every((r) => r.of === 4)).toBe(true);
  });

  it('treats scores equal at one decimal as a tie', () => {
    const ranks = rankSchools([
      { schoolId: 'a', score: 0.1 + 0.2 },
      { schoolId: 'b', score: 0.3 },
      { schoolId: 'c', score: 0.2 },
    ]);
    expect(ranks.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('handles an empty group', () => {
    expect(rankSchools([])).toEqual([]);
  });
});
