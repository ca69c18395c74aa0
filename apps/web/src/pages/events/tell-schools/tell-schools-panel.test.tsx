import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { NoticePreview } from '@safeschools/contract';
import type { z } from 'zod';
import i18n from '../../../i18n/i18n';
import { renderApp } from '../../../test/render-app';
import { mockApi, problem } from '../../../test/mock-api';
import { buildEvent, buildMe } from '../../../test/fixtures';
import { liveSegments } from './tell-schools-panel';

vi.mock('../hazard-map', () => ({ HazardMap: () => <p data-testid="hazard-map">map</p> }));

const WAIT = { timeout: 4000 };
const event = buildEvent({ title: 'Earthquake near Gangtok' });
const text = (subject: string, body: string, sms: string) => ({ subject, body, sms });
const preview: z.output<typeof NoticePreview> = {
  recipients: [
    { channel: 'email', language: 'en', count: 3 },
    { channel: 'sms', language: 'hi', count: 5 },
  ],
  people: 8,
  schools: 4,
  optedOut: 1,
  noAddress: 2,
  notConfigured: ['whatsapp'],
  defaults: {
    en: text('{hazard} alert: {school}', 'Body {link}', '{hazard} alert {school}: {link}'),
    hi: text('{hazard} चेतावनी: {school}', 'पाठ {link}', '{hazard} चेतावनी {school}: {link}'),
    ja: text('{hazard}警報: {school}', '本文 {link}', '{hazard}警報 {school}: {link}'),
  },
  smsSegments: { en: 1, hi: 2, ja: 2 },
};
const notice = {
  id: '019b0000-0000-7000-8000-0000000000a1',
  kind: 'manual',
  ruleId: null,
  ruleName: null,
  ruleBuiltIn: false,
  state: 'queued',
  recipients: 8,
  schools: 4,
  counts: { queued: 8 },
  createdBy: { id: '019b0000-0000-7000-8000-0000000000a2', name: 'Asha Admin' },
  createdAt: '2026-12-08T04:00:00.000Z',
};

function api(permissions = ['events.read', 'alerts.send'], sendFails = false) {
  let sent = false;
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions }) }),
    [`GET /api/v1/events/${event.id}`]: () => ({ status: 200, body: event }),
    [`GET /api/v1/events/${event.id}/impact`]: () => ({
      status: 200,
      body: { event, totals: event.totals, areas: [], schools: { items: [], nextCursor: null } },
    }),
    [`GET /api/v1/events/${event.id}/notices`]: () => ({
      status: 200,
      body: { items: sent ? [notice] : [], cancelledUntold: false },
    }),
    [`POST /api/v1/events/${event.id}/notices/preview`]: () => ({ status: 200, body: preview }),
    [`POST /api/v1/events/${event.id}/notices`]: () => {
      if (sendFails) return problem('NOTICE_REACHES_NOBODY', 422);
      sent = true;
      return { status: 201, body: notice };
    },
  });
}

describe('tell schools panel', () => {
  it('counts SMS parts as the network does: Hindi is UCS-2', () => {
    expect(liveSegments('a'.repeat(90))).toBe(1);
    expect(liveSegments('क'.repeat(70))).toBe(1);
    expect(liveSegments('क'.repeat(71))).toBe(2);
    // {link} counts at a real link's length (66 characters).
    expect(liveSegments(`${'क'.repeat(10)} {link}`)).toBe(2);
  });

  it('previews by channel and language, edits the message with a live SMS count, and sends once', async () => {
    const calls = api();
    renderApp(`/events/${event.id}`);
    const panel = await screen.findByRole('region', { name: 'Tell schools' }, WAIT);
    expect(await within(panel).findByText('No notice has been sent about this event.', {}, WAIT)).toBeTruthy();
    fireEvent.click(within(panel).getByLabelText('District officers'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Show who would be told' }));
    expect(await within(panel).findByText('8 people at 4 schools.', {}, WAIT)).toBeTruthy();
    const table = within(panel).getByRole('table', { name: 'People by channel and language' });
    expect(within(table).getByRole('row', { name: /SMS.*Hindi.*5/ })).toBeTruthy();
    expect(within(panel).getByText(/1 channel opted out/)).toBeTruthy();
    expect(within(panel).getByText(/2 people without an address/)).toBeTruthy();
    expect(within(panel).getByText(/Not configured on this server: WhatsApp/)).toBeTruthy();
    const hindi = within(panel).getByRole('group', { name: 'Message in Hindi' });
    const sms = within(hindi).getByLabelText('SMS text');
    fireEvent.change(sms, { target: { value: 'क'.repeat(10) } });
    expect(within(hindi).getByText('SMS: 1 part')).toBeTruthy();
    fireEvent.change(sms, { target: { value: `${'क'.repeat(30)} {link}` } });
    expect(within(hindi).getByText('SMS: 2 parts')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Send to 8 people' }));
    expect(await within(panel).findByText('Sent to 8 people.', {}, WAIT)).toBeTruthy();
    const send = calls.find(`POST /api/v1/events/${event.id}/notices`);
    expect(send).toHaveLength(1);
    expect(send[0]!.body).toMatchObject({
      audiences: ['focal_points', 'head_teachers', 'district_officers'],
      messages: { hi: { sms: `${'क'.repeat(30)} {link}` } },
    });
    expect(Object.keys(send[0]!.headers).map((h) => h.toLowerCase())).toContain('idempotency-key');
    await waitFor(() => expect(within(panel).getByRole('table', { name: 'Notices sent' })).toBeTruthy(), WAIT);
    expect(within(panel).getByText('Asha Admin')).toBeTruthy();
  });

  it('shows a refusal in words, and reads in Hindi and Japanese', async () => {
    api(undefined, true);
    renderApp(`/events/${event.id}`);
    const panel = await screen.findByRole('region', { name: 'Tell schools' }, WAIT);
    fireEvent.click(within(panel).getByRole('button', { name: 'Show who would be told' }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Send to 8 people' }, WAIT));
    expect(await within(panel).findByText(/has an address to send to/, {}, WAIT)).toBeTruthy();
    await i18n.changeLanguage('hi');
    expect(await screen.findByRole('region', { name: 'विद्यालयों को सूचित करें' }, WAIT)).toBeTruthy();
    await i18n.changeLanguage('ja');
    expect(await screen.findByRole('region', { name: '学校に知らせる' }, WAIT)).toBeTruthy();
  });

  it('is not there for those who may not send', async () => {
    api(['events.read']);
    renderApp(`/events/${event.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Earthquake near Gangtok' }, WAIT)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Tell schools' })).toBeNull();
  });
});
