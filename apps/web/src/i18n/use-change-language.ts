import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { updateMe } from '@safeschools/contract';
import { api } from '../api/client';
import { useSession } from '../auth/use-session';
import { storeLanguage, type Language } from './languages';

/**
 * Switch the interface language at run time: remember it on this device and, when signed in, in the
 * user's profile. A failed profile update is retried when the next session starts (see session-provider).
 */
export function useChangeLanguage(): (language: Language) => void {
  const { i18n } = useTranslation();
  const { session, replaceMe } = useSession();
  const signedIn = session.status === 'signed-in';
  return useCallback(
    (language: Language) => {
      storeLanguage(language);
      void i18n.changeLanguage(language);
      if (!signedIn) return;
      api(updateMe, { body: { language } }).then(replaceMe, () => undefined);
    },
    [i18n, signedIn, replaceMe],
  );
}
