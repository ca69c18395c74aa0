import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { ApiError } from '@safeschools/contract';
import { mockApi, problem } from '../test/mock-api';
import { fixtureId } from '../test/fixtures';
import { indexedDbStore } from './indexed-db-store';
import { drillBody, networkDown } from './outbox-test-data';
import { Outbox } from './outbox';
import { failureKind, retryDelayMs } from './retry-policy';

afterEach(() => vi.unstubAllGlobals());

/** A fresh outbox on its own IndexedDB, so tests never see each other's writes. */
function freshOutbox() {
  const factory = new IDBFactory();
  return { box: new Outbox(indexedDbStore(factory)), reopen: () => new Outbox(indexedDbStore(factory)) };
}

describe('outbox', () => {
  it('keeps a write in IndexedDB when the network is down, and sends nothing twice', async () => {
    const schoolId = fixtureId();
    const api = mockApi({ [`POST /api/v1/schools/${schoolId}/drills`]: networkDown });
    const { box, reopen } = freshOutbox();
    const result = await box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('Kitchen fire') });
    expect(result.status).toBe('queued');
    expect(api.requests).toHaveLength(1);
    // Another tab, or the app after a restart, finds it on the device.
    const reopened = reopen();
    await reopened.load();
    const [item] = reopened.snapshot();
    expect(item).toMatchObject({
      endpointId: 'recordDrill',
      method: 'POST',
      path: `/api/v1/schools/${schoolId}/drills`,
      state: 'pending',
      attempts: 0,
    });
    expect(item?.body).toMatchObject({ scenario: 'Kitchen fire' });
    expect(item?.idempotencyKey).toBe(api.requests[0]?.headers['idempotency-key']);
  });

  it('does not keep a write the server refuses: the form shows the problem at once', async () => {
    const schoolId = fixtureId();
    mockApi({ [`POST /api/v1/schools/${schoolId}/drills`]: () => problem('VALIDATION_FAILED', 400) });
    const { box } = freshOutbox();
    const sent = box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('x') });
    await expect(sent).rejects.toBeInstanceOf(ApiError);
    expect(box.snapshot()).toEqual([]);
  });

  it('replays waiting writes in the order they were made, each with its own first Idempotency-Key', async () => {
    const schoolId = fixtureId();
    let reachable = false;
    const api = mockApi({
      [`POST /api/v1/schools/${schoolId}/drills`]: (request) => (reachable ? { status: 201, body: request.body } : networkDown()),
    });
    const { box } = freshOutbox();
    const sent: string[] = [];
    box.onSent((item) => sent.push((item.body as { scenario: string }).scenario));
    await box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('first') });
    // The network is back for the second, but it must not overtake the first: it waits in line.
    reachable = true;
    const second = await box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('second') });
    expect(second.status).toBe('queued');
    const keys = box.snapshot().map((item) => item.idempotencyKey);

    expect(await box.flush()).toBe('done');
    const replays = api.requests.slice(1);
    expect(replays.map((r) => (r.body as { scenario: string }).scenario)).toEqual(['first', 'second']);
    expect(replays.map((r) => r.headers['idempotency-key'])).toEqual(keys);
    expect(api.requests[0]?.headers['idempotency-key']).toBe(keys[0]);
    expect(sent).toEqual(['first', 'second']);
    expect(box.snapshot()).toEqual([]);
  });

  it('stops replaying at the first write that still cannot reach the server, and counts the attempt', async () => {
    const schoolId = fixtureId();
    const api = mockApi({ [`POST /api/v1/schools/${schoolId}/drills`]: networkDown });
    const { box } = freshOutbox();
    await box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('first') });
    await box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('second') });
    expect(await box.flush()).toBe('stalled');
    // One immediate try, then one replay of the first only.
    expect(api.requests.map((r) => (r.body as { scenario: string }).scenario)).toEqual(['first', 'first']);
    expect(box.snapshot().map((item) => [item.state, item.attempts])).toEqual([
      ['pending', 1],
      ['pending', 0],
    ]);
  });

  it('marks a write the server refuses on replay as failed with its problem, goes on with the next, and discards it on request', async () => {
    const schoolId = fixtureId();
    const drillId = fixtureId();
    let reachable = false;
    mockApi({
      [`PATCH /api/v1/drills/${drillId}/corrective-actions/a1`]: () =>
        reachable ? problem('VERSION_CONFLICT', 409) : networkDown(),
      [`POST /api/v1/schools/${schoolId}/drills`]: (request) => ({ status: 201, body: request.body }),
    });
    const { box } = freshOutbox();
    await box.submit('updateCorrectiveAction', {
      params: { id: drillId, actionId: 'a1' },
      body: { status: 'done', completedOn: '2025-01-21', version: 1 },
    });
    await box.submit('recordDrill', { params: { id: schoolId }, body: drillBody('after the conflict') });
    reachable = true;
    expect(await box.flush()).toBe('done');
    const [refused, ...rest] = box.snapshot();
    expect(rest).toEqual([]);
    expect(refused).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: 'VERSION_CONFLICT', status: 409 } });

    // A refused write is not replayed again on its own: the user decides.
    expect(await box.flush()).toBe('done');
    expect(box.snapshot()).toHaveLength(1);
    await box.discard(refused?.seq ?? -1);
    expect(box.snapshot()).toEqual([]);
  });

  it('keeps a write whose session expired or whose server failed, for a later try', () => {
    const error = (code: string, status: number) => new ApiError(status, { type: 'about:blank', title: code, status, code });
    expect(failureKind(error('AUTH_REQUIRED', 401))).toBe('retry');
    expect(failureKind(error('CSRF_TOKEN_MISSING', 403))).toBe('retry');
    expect(failureKind(error('INTERNAL', 503))).toBe('retry');
    expect(failureKind(error('NETWORK_ERROR', 0))).toBe('retry');
    expect(failureKind(error('FORBIDDEN', 403))).toBe('refused');
    expect(failureKind(error('VALIDATION_FAILED', 400))).toBe('refused');
  });

  it('waits longer after each replay that found no connection, up to five minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30)).toBe(300_000);
  });
});
