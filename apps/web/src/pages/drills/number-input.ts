/** A whole count from a number input; blank counts as 0, anything else is left for the server to refuse. */
export function count(text: string): number {
  return text.trim() === '' ? 0 : Number(text);
}

/** An optional number input: blank means not given (a stage not timed, a test not held). */
export function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
