/** What a country's school codes and coordinates must look like. Countries not listed get only generic checks. */
export interface CountryRules {
  /** Per code system: the exact pattern and a human description for messages. */
  readonly codes: Readonly<Record<string, { pattern: RegExp; digits?: number; label: string }>>;
  /** [minLon, minLat, maxLon, maxLat], generous: a point outside is certainly wrong. */
  readonly bbox: readonly [number, number, number, number];
  readonly name: string;
}

export const countryRules: Readonly<Record<string, CountryRules>> = {
  IN: {
    name: 'India',
    codes: { udise: { pattern: /^\d{11}$/, digits: 11, label: 'UDISE+ codes have exactly 11 digits' } },
    bbox: [68, 6, 98, 38],
  },
};

export function insideBox(rules: CountryRules | undefined, lon: number, lat: number): boolean {
  if (!rules) return true;
  const [minLon, minLat, maxLon, maxLat] = rules.bbox;
  return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
}
