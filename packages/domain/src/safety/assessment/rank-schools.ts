export interface RankEntry {
  readonly schoolId: string;
  readonly score: number | null;
}

export interface SchoolRank {
  readonly schoolId: string;
  /** Standard competition rank ("1224"); null for a school without a score. */
  readonly rank: number | null;
  /** How many schools in the group have a score. */
  readonly of: number;
}

/**
 * Ranks the schools of one group (a block or a district) by score, best first. Scores are compared at one
 * decimal, as reported, so float noise cannot split a visible tie. Unscored schools are listed last, unranked.
 */
export function rankSchools(entries: readonly RankEntry[]): SchoolRank[] {
  const scored = entries
    .flatMap((e) => (e.score === null ? [] : [{ schoolId: e.schoolId, key: Math.round(e.score * 10) }]))
    .sort((a, b) => b.key - a.key || a.schoolId.localeCompare(b.schoolId));
  const of = scored.length;
  const ranks: SchoolRank[] = [];
  scored.forEach((entry, index) => {
    const previous = scored[index - 1];
    const rank = previous && previous.key === entry.key ? (ranks[index - 1]?.rank ?? index + 1) : index + 1;
    ranks.push({ schoolId: entry.schoolId, rank, of });
  });
  const unscored = entries.filter((e) => e.score === null).map((e) => ({ schoolId: e.schoolId, rank: null, of }));
  return [...ranks, ...unscored];
}
