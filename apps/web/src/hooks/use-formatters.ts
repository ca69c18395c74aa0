import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Number and date formatters for the current interface language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 5 });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      number: (value: number) => number.format(value),
      /** 0.42 → "42%". */
      percent: (fraction: number) => percent.format(fraction),
      /** Coordinates and other fractions, up to five decimals. */
      decimal: (value: number) => decimal.format(value),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [language]);
}
