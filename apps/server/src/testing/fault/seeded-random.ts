/**
 * A small seeded PRNG (mulberry32), so that a fault run's draws (when to kill, which rows, which drill values) are
 * reproduced by its seed. The timing of the server still varies between runs; the draws do not.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A fresh generator for one part of a run (a scenario on a database), independent of the order parts run in. */
  fork(label: string): SeededRandom {
    return new SeededRandom(hashText(`${this.seed}:${label}`));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }
}

/** A seed from text (FNV-1a), and a random seed when none is given. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `FAULT_SEED` as a number (decimal, or any text hashed), or a new random seed. */
export function parseSeed(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return Math.floor(Math.random() * 2 ** 32);
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) >>> 0 : hashText(text.trim());
}
