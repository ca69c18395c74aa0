import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Number and date formatters for the current interface language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      number: (value: number) => number.format(value),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [language]);
}
