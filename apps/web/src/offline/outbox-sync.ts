import type { FlushResult, Outbox } from './outbox';
import { retryDelayMs } from './retry-policy';

/**
 * Replays the outbox now, whenever the browser says it is back online, and after a replay that could not reach
 * the server, again later with a growing wait (the `online` event alone is unreliable on patchy mobile data:
 * the phone is "online" while nothing gets through). Returns the function that stops it.
 */
export function startOutboxSync(box: Outbox, target: Window = window): () => void {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = (result: FlushResult) => {
    clearTimeout(timer);
    if (stopped) return;
    failures = result === 'stalled' ? failures + 1 : 0;
    if (failures > 0) timer = setTimeout(run, retryDelayMs(failures));
  };
  const run = () => {
    box.flush().then(schedule, () => schedule('stalled'));
  };
  const online = () => {
    failures = 0;
    run();
  };

  target.addEventListener('online', online);
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    target.removeEventListener('online', online);
  };
}
