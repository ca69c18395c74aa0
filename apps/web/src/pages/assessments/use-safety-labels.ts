import { useTranslation } from 'react-i18next';
import { schoolSafetyRedFlags, type InstrumentDefinition, type RedFlagRule } from '@safeschools/domain';
import { useFormatters } from '../../hooks/use-formatters';
import { localize } from './types';

export interface Reason {
  code: string;
  detail: string;
}

const triageCodes = new Set([
  'STRUCTURAL_RED_FLAG',
  'SEISMIC_ZONE_HIGH',
  'CYCLONE_HAZARD_HIGH',
  'FLOOD_HAZARD_HIGH',
  'LANDSLIDE_HAZARD_HIGH',
  'PILLAR1_WEAK',
  'PILLAR1_UNASSESSED',
]);
const hazardLevels = new Set(['low', 'moderate', 'high', 'very_high']);

/**
 * Labels shared by the report and the readiness dashboard: pillars, priorities, red flags and triage reasons.
 * Red flags are named by the instrument that raised them; the built-in instrument's names stand in when the
 * page has no instrument at hand, and the bare code when neither knows it.
 */
export function useSafetyLabels(def?: InstrumentDefinition) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const rules: readonly RedFlagRule[] = [...(def?.redFlags ?? []), ...schoolSafetyRedFlags];

  const redFlag = (code: string) => {
    const rule = rules.find((r) => r.code === code);
    return rule ? localize(rule.label, i18n.language) : code;
  };

  const detailOf = ({ code, detail }: Reason): string => {
    const value = Number(detail);
    if (code === 'STRUCTURAL_RED_FLAG') return redFlag(detail);
    if (code === 'PILLAR1_WEAK' && Number.isFinite(value)) return format.number(value);
    if (code === 'PILLAR1_UNASSESSED' && Number.isFinite(value)) return format.percent(value);
    if (hazardLevels.has(detail)) return t(`assessment.hazardLevel.${detail}`);
    return detail;
  };

  return {
    pillar: (pillar: string) => t(`safety.pillars.${pillar}`, { defaultValue: pillar }),
    priority: (priority: string) => t(`safety.priority.${priority}`, { defaultValue: priority }),
    redFlag,
    reason: (reason: Reason) =>
      triageCodes.has(reason.code)
        ? t(`safety.triage.${reason.code}`, { detail: detailOf(reason) })
        : `${reason.code}: ${reason.detail}`,
  };
}
