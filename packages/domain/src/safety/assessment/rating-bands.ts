/**
 * Readiness bands for the overall score (mean of the foundation and the three pillars, 0-100). Programme
 * defaults, chosen so that each band is 15 points wide above the bottom one and "A" needs most measures in
 * place; CSSF 2022-2030 sets no numeric bands. The band describes preparedness, not whether a building is safe:
 * that is the triage's and the engineer's question.
 */
export const ratingBands = [
  { band: 'A', min: 80, readiness: 'high' },
  { band: 'B', min: 65, readiness: 'good' },
  { band: 'C', min: 50, readiness: 'medium' },
  { band: 'D', min: 35, readiness: 'low' },
  { band: 'E', min: 0, readiness: 'very_low' },
] as const;
export type RatingBand = (typeof ratingBands)[number]['band'];
export type Readiness = (typeof ratingBands)[number]['readiness'];

/** Below this share of answered, scorable weight a rating is marked provisional (programme default). */
export const provisionalCoverageBelow = 0.7;

const lowest = ratingBands[ratingBands.length - 1] as (typeof ratingBands)[number];

export function bandFor(score: number): { band: RatingBand; readiness: Readiness } {
  const found = ratingBands.find((b) => score >= b.min) ?? lowest;
  return { band: found.band, readiness: found.readiness };
}
