import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildMe } from '../../test/fixtures';
import type { Feed } from './feeds-table';

const slow = { timeout: 15_000 };

function feed(overrides: Partial<Feed> = {}): Feed {
  return {
    id: '019b0000-0000-7000-8000-0000000000f1',
    url: 'https://www.gdacs.org/xml/rss.xml',
    name: 'GDACS',
    kind: 'auto',
    enabled: true,
    source: 'config',
    lastPolledAt: '2026-12-10T04:35:00.000Z',
    lastSuccessAt: '2026-12-10T04:35:00.000Z',
    lastEntries: 12,
    errorCount: 0,
    lastError: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('feeds page', { timeout: 30_000 }, () => {
  it('lists feeds with their status, adds one, polls it now, turns one off and removes an app feed', async () => {
    const usgs = feed({ id: '019b0000-0000-7000-8000-0000000000f2', url: 'http://127.0.0.1:9999/usgs.geojson', name: '', kind: 'usgs', source: 'app', lastPolledAt: null, lastSuccessAt: null, lastEntries: null });
    let items = [feed({ errorCount: 2, lastError: 'EQ1: CAP message unavailable: HTTP 404' })];
    const mock = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['feeds.manage', 'events.read'] }) }),
      'GET /api/v1/feeds': () => ({ status: 200, body: { items } }),
      'POST /api/v1/feeds': () => {
        items = [...items, usgs];
        return { status: 201, body: usgs };
      },
      [`POST /api/v1/feeds/${usgs.id}/poll`]: () => {
        items = [items[0]!, { ...usgs, lastPolledAt: '2026-12-10T05:00:00.000Z', lastSuccessAt: '2026-12-10T05:00:00.000Z', lastEntries: 1 }];
        return { status: 200, body: { entries: 1, created: 1, updated: 0, unchanged: 0, failed: [], feed: items[1] } };
      },
      'PATCH /api/v1/feeds/019b0000-0000-7000-8000-0000000000f1': () => {
        items = [{ ...items[0]!, enabled: false }, ...items.slice(1)];
        return { status: 200, body: items[0] };
      },
      [`DELETE /api/v1/feeds/${usgs.id}`]: () => {
        items = items.slice(0, 1);
        return { status: 204, body: null };
      },
    });
    renderApp('/feeds');
    expect(await screen.findByRole('heading', { level: 1, name: 'Feeds' }, slow)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Feeds' })).toBeTruthy();
    const gdacsRow = (await screen.findByText('GDACS', {}, slow)).closest('tr')!;
    expect(within(gdacsRow).getByText('2 polls in a row with an error')).toBeTruthy();
    expect(within(gdacsRow).getByText('EQ1: CAP message unavailable: HTTP 404')).toBeTruthy();
    expect(within(gdacsRow).getByText('12 entries')).toBeTruthy();
    // A configured feed can be turned off, not removed.
    expect(within(gdacsRow).queryByRole('button', { name: /Remove/ })).toBeNull();

    fireEvent.change(screen.getByLabelText(/^Address/), { target: { value: 'ftp://example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the feed' }));
    expect(await screen.findByText('Enter an address starting with http:// or https://.')).toBeTruthy();
    expect(mock.find('POST /api/v1/feeds')).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^Address/), { target: { value: usgs.url } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'usgs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the feed' }));
    expect(await screen.findByRole('button', { name: `Poll ${usgs.url} now` }, slow)).toBeTruthy();
    expect(mock.find('POST /api/v1/feeds')[0]?.body).toEqual({ url: usgs.url, name: '', kind: 'usgs' });
    expect(screen.getByText('Not polled yet')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: `Poll ${usgs.url} now` }));
    expect(await screen.findByText('Polled: 1 entries, 1 new events, 0 updated, 0 errors.', {}, slow)).toBeTruthy();
    expect(await screen.findByText('1 entry', {}, slow)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Turn off GDACS' }));
    expect(await screen.findByRole('button', { name: 'Turn on GDACS' }, slow)).toBeTruthy();
    expect(mock.find('PATCH /api/v1/feeds/019b0000-0000-7000-8000-0000000000f1')[0]?.body).toEqual({ enabled: false });

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: `Remove ${usgs.url}` }));
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: `Poll ${usgs.url} now` })).toBeNull(), slow);
    expect(mock.find(`DELETE /api/v1/feeds/${usgs.id}`)).toHaveLength(1);
  });

  it('says why an address cannot be added', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['feeds.manage'] }) }),
      'GET /api/v1/feeds': () => ({ status: 200, body: { items: [] } }),
      'POST /api/v1/feeds': () => problem('FEED_EXISTS', 409),
    });
    renderApp('/feeds');
    expect(await screen.findByText('No feeds yet. Add one below.', {}, slow)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Address/), { target: { value: 'https://www.gdacs.org/xml/rss.xml' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the feed' }));
    expect(within(await screen.findByRole('alert', {}, slow)).getByText('This address is polled already.')).toBeTruthy();
  });

  it('is not offered to a programme manager', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ role: 'programme_manager', permissions: ['events.read', 'alerts.manage'] }) }) });
    renderApp('/feeds');
    expect(await screen.findByRole('alert', {}, slow)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Feeds' })).toBeNull();
  });
});
