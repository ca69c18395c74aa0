import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DeliveryLogItem, DeliverySummary } from '@safeschools/contract';
import i18n from '../../../i18n/i18n';
import { renderApp } from '../../../test/render-app';
import { mockApi } from '../../../test/mock-api';
import { buildEvent, buildMe } from '../../../test/fixtures';

// MapLibre needs WebGL, which jsdom lacks.
vi.mock('../hazard-map', () => ({ HazardMap: () => <p data-testid="hazard-map">map</p> }));

const WAIT = { timeout: 4000 };
const event = buildEvent({ title: 'Cyclone over the Bay' });
const district = '019b0000-0000-7000-8000-0000000000d1';

const summary: DeliverySummary = {
  total: { delivered: 3, read: 1, sent: 2, queued: 1, sending: 1, waiting: 2, failed: 1, opted_out: 1, not_sent: 4, skipped: 2 },
  byChannel: { email: { delivered: 3, read: 1, not_sent: 4 }, sms: { sent: 2, queued: 1, sending: 1, waiting: 2, failed: 1, opted_out: 1, skipped: 2 } },
  byDistrict: [{ districtId: district, districtName: 'East Sikkim', counts: { delivered: 3, failed: 1 } }],
  inFlight: false,
};

const row: DeliveryLogItem = {
  id: '019b0000-0000-7000-8000-0000000000e1',
  noticeId: '019b0000-0000-7000-8000-0000000000e2',
  noticeKind: 'alert',
  schoolId: '019b0000-0000-7000-8000-0000000000e3',
  schoolName: 'Tashi Namgyal Academy',
  districtId: district,
  districtName: 'East Sikkim',
  audience: 'focal_point',
  recipientName: 'Pema',
  address: '+919812345678',
  language: 'hi',
  channel: 'sms',
  channelRank: 0,
  state: 'failed',
  attempts: 8,
  provider: 'twilio',
  lastErrorCode: 'HTTP_503_TOO_MANY_ATTEMPTS',
  nextAttemptAt: null,
  sentAt: null,
  deliveredAt: null,
  failedAt: '2026-12-08T04:10:00.000Z',
  createdAt: '2026-12-08T04:00:00.000Z',
};

function api(current: DeliverySummary = summary) {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['events.read', 'alerts.send'] }) }),
    [`GET /api/v1/events/${event.id}`]: () => ({ status: 200, body: event }),
    [`GET /api/v1/events/${event.id}/impact`]: () => ({ status: 200, body: { event, totals: event.totals, areas: [], schools: { items: [], nextCursor: null } } }),
    [`GET /api/v1/events/${event.id}/notifications/summary`]: () => ({ status: 200, body: current }),
    [`GET /api/v1/events/${event.id}/notifications`]: (request) => ({
      status: 200,
      body: { items: request.query.get('channel') === 'email' ? [] : [row], nextCursor: null },
    }),
  });
}

describe('delivery panel on the event page', () => {
  it('counts messages by state per channel and per district; in-flight states are counted as queued', async () => {
    api();
    renderApp(`/events/${event.id}`);
    const panel = await screen.findByRole('region', { name: 'Delivery' }, WAIT);
    const byChannel = await within(panel).findByRole('table', { name: 'Messages by channel' }, WAIT);
    const cells = (name: RegExp) => [...within(byChannel).getByRole('row', { name }).querySelectorAll('td')].map((c) => c.textContent);
    // queued, sent, delivered, failed, opted out, not sent
    expect(cells(/^All channels/)).toEqual(['4', '2', '4', '1', '1', '4']);
    expect(cells(/^SMS/)).toEqual(['4', '2', '0', '1', '1', '0']);
    const byDistrict = within(panel).getByRole('table', { name: 'Messages by district' });
    expect(within(byDistrict).getByRole('row', { name: /East Sikkim/ })).toBeTruthy();
    expect(within(panel).queryByText(/still being sent/)).toBeNull();
  });

  it('lists messages with their status and error, and filters by channel', async () => {
    const calls = api();
    renderApp(`/events/${event.id}`);
    const panel = await screen.findByRole('region', { name: 'Delivery' }, WAIT);
    const log = await within(panel).findByRole('table', { name: 'Delivery log' }, WAIT);
    const line = within(log).getByRole('row', { name: /Pema/ });
    expect(line.textContent).toContain('+919812345678');
    expect(line.textContent).toContain('HTTP_503_TOO_MANY_ATTEMPTS');
    fireEvent.change(within(panel).getByLabelText('Channel'), { target: { value: 'email' } });
    expect(await within(panel).findByText('No messages match.', {}, WAIT)).toBeTruthy();
    await waitFor(() => expect(calls.find(`GET /api/v1/events/${event.id}/notifications`).some((r) => r.query.get('channel') === 'email')).toBe(true));
  });

  it('says when messages are still in flight, and reads in Hindi and Japanese', async () => {
    api({ ...summary, inFlight: true });
    renderApp(`/events/${event.id}`);
    const panel = await screen.findByRole('region', { name: 'Delivery' }, WAIT);
    expect(await within(panel).findByText(/still being sent/, {}, WAIT)).toBeTruthy();
    await i18n.changeLanguage('hi');
    expect(await screen.findByRole('region', { name: 'संदेश पहुँच' }, WAIT)).toBeTruthy();
    await i18n.changeLanguage('ja');
    expect(await screen.findByRole('region', { name: '配信状況' }, WAIT)).toBeTruthy();
  });
});
