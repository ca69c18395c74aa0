/** The languages every built-in text ships in. A country team may add more, but these three are checked. */
export const safetyLanguages = ['en', 'hi', 'ja'] as const;
export type SafetyLanguage = (typeof safetyLanguages)[number];

/** A text in every required language. */
export type Localized = Readonly<Record<SafetyLanguage, string>>;

/** Names of the required languages missing or blank in `text` (data loaded from JSON may lack any of them). */
export function missingLanguages(text: unknown): SafetyLanguage[] {
  if (typeof text !== 'object' || text === null) return [...safetyLanguages];
  const record = text as Record<string, unknown>;
  return safetyLanguages.filter((lang) => {
    const value = record[lang];
    return typeof value !== 'string' || value.trim() === '';
  });
}

export function localized(en: string, hi: string, ja: string): Localized {
  return { en, hi, ja };
}
