// Before the outbox module is loaded, so the app's outbox lives in (fake) IndexedDB as in a browser.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem, type Handler, type MockResponse } from '../../test/mock-api';
import { buildMe, fixtureId } from '../../test/fixtures';
import { outbox } from '../../offline/outbox';
import { buildDrill } from '../plans/plan-fixtures';
import type { Drill, SchoolDrills } from './types';

const focalPoint = buildMe({ role: 'school_focal_point', permissions: ['registry.read', 'safety.read', 'safety.write'] });
const slow = { timeout: 10_000 };
const insufficient = { points: [], slopeSecondsPerYear: null, direction: 'insufficient_data' as const };

const networkDown = (): MockResponse => {
  throw new TypeError('Failed to fetch');
};

afterEach(async () => {
  for (const item of outbox.snapshot()) await outbox.discard(item.seq);
});

function setup(schoolId: string, drills: Drill[], writes: Record<string, Handler>) {
  const list: SchoolDrills = { items: drills, trend: { classroomsOut: insufficient, assemblyPoint: insufficient }, due: [] };
  const api = mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: focalPoint }),
    [`GET /api/v1/schools/${schoolId}/drills`]: () => ({ status: 200, body: list }),
    ...writes,
  });
  renderApp(`/schools/${schoolId}/drills`);
  return api;
}

async function recordFireDrill() {
  const form = await screen.findByRole('form', { name: 'Record a drill' }, slow);
  fireEvent.change(within(form).getByLabelText('Hazard'), { target: { value: 'fire' } });
  fireEvent.change(within(form).getByLabelText('Date and time of the alarm'), { target: { value: '2025-01-20T10:30' } });
  fireEvent.change(within(form).getByLabelText('Girls'), { target: { value: '40' } });
  fireEvent.change(within(form).getByLabelText('Boys'), { target: { value: '38' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Record the drill' }));
  return form;
}

describe('recording a drill without a connection', () => {
  it('keeps the drill on the device, shows it as waiting, and sends it once with the same key when back online', async () => {
    const schoolId = fixtureId();
    let reachable = false;
    const post = `POST /api/v1/schools/${schoolId}/drills`;
    const api = setup(schoolId, [], { [post]: () => (reachable ? { status: 201, body: buildDrill(schoolId) } : networkDown()) });

    const form = await recordFireDrill();
    expect(await within(form).findByText('Saved on this device. It will be sent when you are online.', {}, slow)).toBeTruthy();
    const pending = await screen.findByRole('region', { name: 'Waiting to be sent' });
    expect(within(pending).getByText(/78 children/)).toBeTruthy();
    expect(screen.getByText('1 change waiting to be sent')).toBeTruthy();
    // The form is ready for the next drill.
    expect(within(form).getByLabelText<HTMLInputElement>('Girls').value).toBe('');

    reachable = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(screen.queryByText('1 change waiting to be sent')).toBeNull(), slow);
    expect(screen.queryByRole('region', { name: 'Waiting to be sent' })).toBeNull();
    const posts = api.find(post);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.headers['idempotency-key']).toBe(posts[0]?.headers['idempotency-key']);
    expect(posts[1]?.body).toEqual(posts[0]?.body);
    // The list is reloaded, so the drill appears as the server evaluated it.
    await waitFor(() => expect(api.find(`GET /api/v1/schools/${schoolId}/drills`).length).toBeGreaterThan(1), slow);
  });

  it('shows a drill the server refuses on replay with the reason, until the user discards it', async () => {
    const schoolId = fixtureId();
    let reachable = false;
    const post = `POST /api/v1/schools/${schoolId}/drills`;
    setup(schoolId, [], {
      [post]: () => (reachable ? problem('VALIDATION_FAILED', 400, [{ path: '/body/times', message: 'x', code: 'DRILL_TIME_ABSURD' }]) : networkDown()),
    });
    await recordFireDrill();
    await screen.findByText('1 change waiting to be sent', {}, slow);

    reachable = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText(/The server refused this change: Some of the information is not valid/, {}, slow)).toBeTruthy();
    expect(screen.getByText(/1 refused by the server/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toMatch(new RegExp(`/schools/${schoolId}/drills\\?edit=\\d+$`));
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByText(/change waiting to be sent/)).toBeNull(), slow);
  });

  it('marks a corrective action done while offline as waiting, based on the version the drill had', async () => {
    const schoolId = fixtureId();
    const drill = buildDrill(schoolId, {
      version: 4,
      correctiveActions: [{ id: 'a1', description: 'Widen the stair exit', owner: 'Head teacher', dueOn: '2025-02-01', status: 'open' }],
    });
    const patch = `PATCH /api/v1/drills/${drill.id}/corrective-actions/a1`;
    const api = setup(schoolId, [drill], { [patch]: networkDown });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as done' }, slow));
    expect(await screen.findByText('Saved on this device. It will be sent when you are online.', {}, slow)).toBeTruthy();
    expect(screen.getByText(/Waiting to be sent/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark as done' })).toBeNull();
    expect(api.find(patch)[0]?.body).toMatchObject({ status: 'done', version: 4 });
  });
});
