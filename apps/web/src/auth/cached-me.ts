import type { CurrentUser } from './types';

const KEY = 'safeschools.me';

/**
 * The last signed-in user, kept on the device so the app still opens when a reload happens offline. The CSRF
 * token is not kept: writes wait until the server has been asked again. Cleared on sign-out and on a 401.
 */
export function saveCachedMe(me: CurrentUser): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...me, csrfToken: null }));
  } catch {
    // Storage full or blocked: only offline start-up is lost.
  }
}

export function loadCachedMe(): CurrentUser | null {
  try {
    const text = localStorage.getItem(KEY);
    return text ? (JSON.parse(text) as CurrentUser) : null;
  } catch {
    return null;
  }
}

export function clearCachedMe(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
