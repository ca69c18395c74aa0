/** A row is tried at most this many times on one channel; then it fails and the person's next channel is due. */
export const MAX_SEND_ATTEMPTS = 8;
/** First wait after a temporary failure; doubled each attempt, with jitter, up to the cap. */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
/** A row left `sending` this long belongs to a send that died with its server (a live one settles within a minute). */
export const STUCK_SENDING_MS = 2 * 60_000;
/** A provider call longer than this is abandoned and retried (well inside STUCK_SENDING_MS). */
export const SEND_TIMEOUT_MS = 45_000;

/**
 * Wait before try number `attempts + 1` after a temporary failure: the provider's Retry-After when it gave one
 * (never shorter than a second), else exponential backoff with "full jitter" between half and all of the step,
 * capped, so a storm of failures does not come back all at once.
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) return Math.min(Math.max(retryAfterMs, 1_000), BACKOFF_CAP_MS);
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
