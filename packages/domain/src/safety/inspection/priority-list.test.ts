import { describe, expect, it } from 'vitest';
import { choosePriorityList, greedyKnapsack, type PriorityCandidate } from './priority-list.js';

/** A small seeded generator so that the random cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function randomCandidates(next: () => number, count: number): PriorityCandidate[] {
  return Array.from({ length: count }, (_, i) => ({
    schoolId: `s${i}`,
    children: 20 + Math.floor(next() * 800),
    riskReduction: Math.round(next() * 100) / 100,
    cost: (1 + Math.floor(next() * 40)) * 50_000,
  }));
}

function bruteForceBest(candidates: readonly PriorityCandidate[], budget: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << candidates.length; mask += 1) {
    const chosen = candidates.filter((_, i) => mask & (1 << i));
    const cost = chosen.reduce((a, c) => a + c.cost, 0);
    if (cost <= budget) best = Math.max(best, chosen.reduce((a, c) => a + c.children * c.riskReduction, 0));
  }
  return best;
}

describe('choosePriorityList', () => {
  it('finds the optimum that greedy by ratio misses', () => {
    const candidates = [
      { schoolId: 'a', children: 100, riskReduction: 1, cost: 100 },
      { schoolId: 'b', children: 100, riskReduction: 1, cost: 100 },
      { schoolId: 'c', children: 120, riskReduction: 1, cost: 110 },
    ];
    const exact = choosePriorityList(candidates, 200);
    expect(exact).toMatchObject({ method: 'exact', totalCost: 200, totalBenefit: 200 });
    expect([...exact.selected].sort()).toEqual(['a', 'b']);
    expect(greedyKnapsack(candidates, 200).map((c) => c.schoolId)).toEqual(['c']);
  });

  it('matches brute force on random small cases and never exceeds the budget', () => {
    const next = random(42);
    for (let round = 0; round < 40; round += 1) {
      const candidates = randomCandidates(next, 1 + Math.floor(next() * 10));
      const budget = Math.floor(next() * 1_000_000);
      const exact = choosePriorityList(candidates, budget);
      const greedy = choosePriorityList(candidates, budget, 0);
      const optimum = bruteForceBest(candidates, budget);
      expect(exact.method).toBe('exact');
      expect(greedy.method).toBe('greedy');
      expect(exact.totalBenefit).toBeCloseTo(optimum, 6);
      expect(exact.totalCost).toBeLessThanOrEqual(budget);
      expect(greedy.totalCost).toBeLessThanOrEqual(budget);
      expect(greedy.totalBenefit).toBeLessThanOrEqual(optimum + 1e-9);
      expect(greedy.totalBenefit).toBeGreaterThanOrEqual(optimum / 2 - 1e-9);
    }
  });

  it('agrees with greedy when the ratios order the optimum', () => {
    const candidates = [
      { schoolId: 'a', children: 300, riskReduction: 0.9, cost: 100_000 },
      { schoolId: 'b', children: 200, riskReduction: 0.5, cost: 100_000 },
      { schoolId: 'c', children: 50, riskReduction: 0.2, cost: 100_000 },
    ];
    const exact = choosePriorityList(candidates, 200_000);
    const greedy = choosePriorityList(candidates, 200_000, 0);
    expect(greedy.selected).toEqual(exact.selected);
    expect(exact.selected).toEqual(['a', 'b']);
  });

  it('takes free work, skips what cannot fit and refuses bad input', () => {
    const result = choosePriorityList(
      [
        { schoolId: 'free', children: 10, riskReduction: 0.2, cost: 0 },
        { schoolId: 'huge', children: 999, riskReduction: 1, cost: 10_000_000 },
      ],
      5_000,
    );
    expect(result).toMatchObject({ selected: ['free'], totalCost: 0 });
    expect(() => choosePriorityList([], -1)).toThrow(RangeError);
    expect(() => choosePriorityList([{ schoolId: 'x', children: 1, riskReduction: 2, cost: 1 }], 10)).toThrow(RangeError);
  });
});
