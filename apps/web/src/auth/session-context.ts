import { createContext } from 'react';
import type { CurrentUser, Session } from './types';

export interface SessionValue {
  session: Session;
  /** Start a session from a `login` or `acceptInvitation` answer. */
  signIn: (me: CurrentUser) => void;
  signOut: () => Promise<void>;
  /** Ask the server again who is signed in (after a network error). */
  reload: () => void;
  /** Replace the current user after a profile change, keeping the session. */
  replaceMe: (me: CurrentUser) => void;
}

export const SessionContext = createContext<SessionValue | null>(null);
