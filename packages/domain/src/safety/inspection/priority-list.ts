export interface PriorityCandidate {
  readonly schoolId: string;
  readonly children: number;
  /** Share of the risk the intervention removes, 0..1 (for example `defaultRiskReduction`). */
  readonly riskReduction: number;
  /** Whole currency units (rupees). */
  readonly cost: number;
}

export interface PriorityList {
  /** Chosen schools, best risk reduced per rupee first. */
  readonly selected: readonly string[];
  readonly totalCost: number;
  /** Sum of children × riskReduction: children made safer. */
  readonly totalBenefit: number;
  readonly method: 'exact' | 'greedy';
}

/** Above this many table cells (candidates × budget steps) the exact method gives way to the greedy one. */
export const defaultMaxExactCells = 20_000_000;

/**
 * The set of schools that makes the most children safer within the budget (benefit = children × risk
 * reduction). Exact 0/1 knapsack by dynamic programming over the budget in steps of the greatest common divisor
 * of the costs, when that table is small enough; otherwise greedy by benefit per rupee, kept only if it beats the
 * best single school (which bounds it at half the optimum). Neither ever exceeds the budget.
 */
export function choosePriorityList(
  candidates: readonly PriorityCandidate[],
  budget: number,
  maxExactCells = defaultMaxExactCells,
): PriorityList {
  if (!(Number.isFinite(budget) && budget >= 0)) throw new RangeError('The budget must be a number from 0');
  for (const c of candidates)
    if (!(Number.isInteger(c.cost) && c.cost >= 0) || !(c.children >= 0) || !(c.riskReduction >= 0 && c.riskReduction <= 1))
      throw new RangeError(`Candidate ${c.schoolId}: cost must be a whole number ≥ 0, children ≥ 0, risk reduction 0..1`);
  const usable = candidates.filter((c) => c.cost <= budget && benefit(c) > 0);
  const free = usable.filter((c) => c.cost === 0);
  const paid = usable.filter((c) => c.cost > 0);
  const step = paid.reduce((g, c) => gcd(g, c.cost), 0);
  const capacity = step === 0 ? 0 : Math.floor(budget / step);
  const chosen =
    (paid.length + 1) * (capacity + 1) <= maxExactCells
      ? { items: exactKnapsack(paid, step, capacity), method: 'exact' as const }
      : { items: greedyKnapsack(paid, budget), method: 'greedy' as const };
  return summarise([...free, ...chosen.items], chosen.method);
}

export function greedyKnapsack(candidates: readonly PriorityCandidate[], budget: number): PriorityCandidate[] {
  const sorted = [...candidates].sort((a, b) => ratio(b) - ratio(a) || a.schoolId.localeCompare(b.schoolId));
  const taken: PriorityCandidate[] = [];
  let left = budget;
  for (const c of sorted)
    if (c.cost <= left) {
      taken.push(c);
      left -= c.cost;
    }
  const bestSingle = candidates.filter((c) => c.cost <= budget).sort((a, b) => benefit(b) - benefit(a))[0];
  return bestSingle && benefit(bestSingle) > sum(taken, benefit) ? [bestSingle] : taken;
}

function exactKnapsack(items: readonly PriorityCandidate[], step: number, capacity: number): PriorityCandidate[] {
  const width = capacity + 1;
  const best = new Float64Array(width);
  const took = new Uint8Array(items.length * width);
  items.forEach((item, i) => {
    const weight = item.cost / step;
    const value = benefit(item);
    for (let w = capacity; w >= weight; w -= 1) {
      const withItem = (best[w - weight] ?? 0) + value;
      if (withItem > (best[w] ?? 0)) {
        best[w] = withItem;
        took[i * width + w] = 1;
      }
    }
  });
  const chosen: PriorityCandidate[] = [];
  let w = capacity;
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i] as PriorityCandidate;
    if (took[i * width + w] === 1) {
      chosen.push(item);
      w -= item.cost / step;
    }
  }
  return chosen;
}

function summarise(items: readonly PriorityCandidate[], method: 'exact' | 'greedy'): PriorityList {
  const ordered = [...items].sort((a, b) => ratio(b) - ratio(a) || a.schoolId.localeCompare(b.schoolId));
  return {
    selected: ordered.map((c) => c.schoolId),
    totalCost: sum(items, (c) => c.cost),
    totalBenefit: sum(items, benefit),
    method,
  };
}

const benefit = (c: PriorityCandidate): number => c.children * c.riskReduction;
const ratio = (c: PriorityCandidate): number => (c.cost === 0 ? Infinity : benefit(c) / c.cost);
const sum = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((a, x) => a + f(x), 0);
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
