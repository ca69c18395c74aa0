import type { ResponseOf, me } from '@safeschools/contract';

/** The signed-in user as `GET /auth/me` returns it. */
export type CurrentUser = ResponseOf<typeof me>;

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  /** `offline`: the server could not be reached and `me` is the last user known on this device. */
  | { status: 'signed-in'; me: CurrentUser; offline?: boolean }
  | { status: 'error'; error: unknown };
