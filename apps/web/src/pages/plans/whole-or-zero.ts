/**
 * A cleared number input reads as NaN, which JSON sends as null and the API refuses as a malformed body; 0 is
 * sent instead, and the plan check then says in words that a group needs a count above 0.
 */
export function wholeOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
