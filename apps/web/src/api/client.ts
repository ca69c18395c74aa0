import { ApiError, createClient, type CallInput, type Endpoint, type ResponseOf } from '@safeschools/contract';
import { getCsrfToken } from './csrf';

const call = createClient({
  baseUrl: '',
  // Looked up on each call (not captured once) so tests can stub `fetch`.
  fetch: (input, init) => globalThis.fetch(input, init),
  csrfToken: getCsrfToken,
});

type UnauthorizedListener = (error: ApiError) => void;
let onUnauthorized: UnauthorizedListener | null = null;

/** The session provider listens here, so a session that expires mid-use sends the user to the sign-in page. */
export function setUnauthorizedListener(listener: UnauthorizedListener | null): void {
  onUnauthorized = listener;
}

/** The one API client of the web app: typed by the contract's endpoint objects. */
export async function api<E extends Endpoint>(ep: E, input?: CallInput<E>): Promise<ResponseOf<E>> {
  try {
    return await call(ep, input);
  } catch (error) {
    reportUnauthorized(ep, error);
    throw error;
  }
}

/** Tells the session provider when a signed-in call was refused with 401 (also used by `postMultipart`). */
export function reportUnauthorized(ep: Endpoint, error: unknown): void {
  if (error instanceof ApiError && error.status === 401 && ep.auth === 'user') onUnauthorized?.(error);
}
