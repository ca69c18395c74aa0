/** The fields of a rule as the API gives them (validated by the contract). */
export interface RuleInput {
  name: string;
  enabled: boolean;
  eventKinds: string[];
  hazardTypes: string[];
  statuses: string[];
  minSeverity: string | null;
  minUrgency: string | null;
  minCertainty: string | null;
  minBand: number | null;
  minIntensity: number | null;
  match: 'any' | 'all';
  audiences: string[];
}
