import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// Decimals that suit each measure: whole MMI steps matter at one decimal, PGA in g needs three.
const DECIMALS: Record<string, number> = { MMI: 1, WIND: 0, PGA: 3, PGV: 1, INSIDE: 0 };

/**
 * Labels for the values an event carries. Values the catalogue does not know (a new kind of warning, a
 * fragility set with other damage states, a CAP value outside the standard) are shown as sent, never dropped.
 */
export function useEventLabels() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const known = (key: string, fallback: string) => (i18n.exists(key) ? t(key) : fallback);
    return {
      kind: (kind: string) => known(`events.kinds.${kind}`, kind),
      status: (status: string) => known(`events.statuses.${status}`, status),
      imt: (imt: string) => known(`events.imts.${imt}`, imt),
      damageState: (state: string) => known(`events.damageStates.${state}`, state),
      cap: (field: 'severity' | 'urgency' | 'certainty', value: string) => known(`events.cap.${field}.${value}`, value),
      intensity: (imt: string, value: number) =>
        new Intl.NumberFormat(language, { maximumFractionDigits: DECIMALS[imt] ?? 2 }).format(value),
    };
  }, [t, i18n, language]);
}
