import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, logout, me as meEndpoint, updateMe } from '@safeschools/contract';
import i18n from '../i18n/i18n';
import { storedLanguage } from '../i18n/languages';
import { api, setUnauthorizedListener } from '../api/client';
import { setCsrfToken } from '../api/csrf';
import { clearCachedMe, loadCachedMe, saveCachedMe } from './cached-me';
import { SessionContext, type SessionValue } from './session-context';
import type { CurrentUser, Session } from './types';

/** The device's explicit language choice wins and is copied to the profile; otherwise the profile's applies. */
function syncLanguage(me: CurrentUser, replaceMe: (me: CurrentUser) => void): void {
  const chosen = storedLanguage();
  if (!chosen) {
    if (i18n.language !== me.language) void i18n.changeLanguage(me.language);
  } else if (chosen !== me.language) {
    api(updateMe, { body: { language: chosen } }).then(replaceMe, () => undefined);
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const replaceMe = useCallback((me: CurrentUser) => {
    setCsrfToken(me.csrfToken);
    saveCachedMe(me);
    setSession({ status: 'signed-in', me });
  }, []);

  const signIn = useCallback(
    (me: CurrentUser) => {
      replaceMe(me);
      syncLanguage(me, replaceMe);
    },
    [replaceMe],
  );

  const endSession = useCallback((reason?: string) => {
    setCsrfToken(null);
    clearCachedMe();
    setSession({ status: 'signed-out', ...(reason ? { reason } : {}) });
  }, []);

  /** Ask who is signed in. Offline, the last known user is used until the connection returns. */
  const ask = useCallback(
    (showLoading: boolean) => {
      if (showLoading) setSession({ status: 'loading' });
      api(meEndpoint).then(signIn, (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return endSession(error.code);
        const cached = error instanceof ApiError && error.code === 'NETWORK_ERROR' ? loadCachedMe() : null;
        if (cached) setSession({ status: 'signed-in', me: cached, offline: true });
        else if (showLoading) setSession({ status: 'error', error });
      });
    },
    [signIn, endSession],
  );
  const load = useCallback(() => ask(true), [ask]);

  const signOut = useCallback(async () => {
    try {
      await api(logout);
    } finally {
      endSession();
    }
  }, [endSession]);

  useEffect(() => {
    setUnauthorizedListener((error) => endSession(error.code));
    load();
    return () => setUnauthorizedListener(null);
  }, [load, endSession]);

  // Back online after an offline start: fetch the real session (and a CSRF token) without blanking the page.
  const offline = session.status === 'signed-in' && session.offline === true;
  useEffect(() => {
    if (!offline) return;
    const refresh = () => ask(false);
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [offline, ask]);

  const value = useMemo<SessionValue>(
    () => ({ session, signIn, signOut, reload: load, replaceMe }),
    [session, signIn, signOut, load, replaceMe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
