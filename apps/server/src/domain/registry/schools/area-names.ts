/** Case, spacing, punctuation, diacritics and the word "district" do not make two area names different. */
export function normaliseAreaName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(district|dist|zila|zilla|state)\b/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** 1 for equal strings, 0 for nothing in common (Levenshtein distance over the longer length). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length]! / Math.max(a.length, b.length);
}

/** Whether a declared name is one of the area's names once normalised. */
export function sameAreaName(declared: string, area: { name: string; names: Record<string, string> }): boolean {
  const d = normaliseAreaName(declared);
  return [area.name, ...Object.values(area.names)].some((n) => normaliseAreaName(n) === d);
}
