import { useTranslation } from 'react-i18next';
import { safetyHazards, type SafetyHazard } from '@safeschools/domain';

/** The domain's hazards as select options in the interface language (shared by plans, drills and training). */
export function useHazardOptions(): { value: SafetyHazard; label: string }[] {
  const { t } = useTranslation();
  return safetyHazards.map((hazard) => ({ value: hazard, label: t(`plan.hazards.${hazard}`) }));
}
