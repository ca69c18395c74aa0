import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { renderApp } from '../test/render-app';
import { mockApi, problem } from '../test/mock-api';
import { buildMe } from '../test/fixtures';
import { saveCachedMe } from '../auth/cached-me';

vi.mock('../pages/home/school-map', () => ({ SchoolMap: () => null }));

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

afterEach(() => setOnline(true));

describe('offline banner', () => {
  it('appears when the device goes offline and leaves when it is back', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => problem('AUTH_REQUIRED', 401) });
    renderApp('/login');
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.queryByText(/You are offline/)).toBeNull();
    act(() => setOnline(false));
    expect(screen.getByText(/You are offline/)).toBeTruthy();
    act(() => setOnline(true));
    expect(screen.queryByText(/You are offline/)).toBeNull();
  });

  it('opens with the last known user when started offline, and asks the server again once back online', async () => {
    saveCachedMe(buildMe({ name: 'Asha Admin' }));
    let reachable = false;
    let meCalls = 0;
    const fetchMock = vi.fn((input: RequestInfo | URL) => {
      const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (path.includes('/auth/me')) meCalls += 1;
      if (!reachable) return Promise.reject(new TypeError('Failed to fetch'));
      const body = path.includes('/auth/me') ? buildMe({ name: 'Asha Admin', csrfToken: 'fresh' }) : {};
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderApp('/');
    expect(await screen.findByText('Welcome, Asha Admin.')).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the server.');
    reachable = true;
    act(() => setOnline(true));
    await waitFor(() => expect(meCalls).toBe(2));
    // The banner is gone and the page stayed in place.
    expect(screen.queryByText(/You are offline/)).toBeNull();
    expect(screen.getByText('Welcome, Asha Admin.')).toBeTruthy();
  });
});
