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

  const later = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, delay);
  };
  const schedule = (result: FlushResult) => {
    clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    failures = result === 'stalled' ? failures + 1 : 0;
    if (failures > 0) later(retryDelayMs(failures));
  };
  const run = () => {
    box.flush().then(schedule, () => schedule('stalled'));
  };
  const online = () => {
    failures = 0;
    run();
  };
  // A write kept while the browser still says "online" (its answer lost on the way, patchy data) brings no
  // `online` event: when something waits and no later try is planned, plan one.
  const waiting = () => {
    if (!stopped && timer === undefined && box.snapshot().some((item) => item.state === 'pending'))
      later(retryDelayMs(Math.max(1, failures)));
  };

  target.addEventListener('online', online);
  const unsubscribe = box.subscribe(waiting);
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    target.removeEventListener('online', online);
  };
}
