import { afterEach, expect, it, vi } from 'vitest';
import { mockApi } from '../test/mock-api';
import { fixtureId } from '../test/fixtures';
import { memoryStore } from './indexed-db-store';
import { Outbox } from './outbox';
import { startOutboxSync } from './outbox-sync';
import { drillBody, networkDown } from './outbox-test-data';
import { retryDelayMs } from './retry-policy';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('sends a write kept while the browser still says it is online, without waiting for an online event', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const schoolId = fixtureId();
  let reachable = false;
  const api = mockApi({
    [`POST /api/v1/schools/${schoolId}/drills`]: (request) => (reachable ? { status: 201, body: request.body } : networkDown()),
  });
  const box = new Outbox(memoryStore());
  const stop = startOutboxSync(box, window);

  // The post is lost on the way (patchy data): the drill is kept, and the browser never goes "offline".
  const kept = await box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('Answer lost in the yard') });
  if (kept.status !== 'queued') throw new Error('the drill was not kept');
  reachable = true;
  await vi.advanceTimersByTimeAsync(retryDelayMs(1));
  await vi.waitFor(() => expect(box.snapshot()).toEqual([]));
  // The first try and the later one, with the same key, so a try that did arrive is not recorded twice.
  const key = kept.item.idempotencyKey;
  expect(api.requests.map((r) => r.headers['idempotency-key'])).toEqual([key, key]);
  stop();
});

it('plans no try after it is stopped', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const schoolId = fixtureId();
  const api = mockApi({ [`POST /api/v1/schools/${schoolId}/drills`]: networkDown });
  const box = new Outbox(memoryStore());
  startOutboxSync(box, window)();
  await box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('After sign-out') });
  await vi.advanceTimersByTimeAsync(retryDelayMs(30));
  expect(api.requests).toHaveLength(1);
  expect(box.snapshot()).toHaveLength(1);
});
