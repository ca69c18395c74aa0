import { useTranslation } from 'react-i18next';
import type { SafetyLanguage } from '@safeschools/domain';

/** The interface language as one of the three the domain's labels ship in (English otherwise). */
export function useSafetyLanguage(): SafetyLanguage {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return lang === 'hi' || lang === 'ja' ? lang : 'en';
}
