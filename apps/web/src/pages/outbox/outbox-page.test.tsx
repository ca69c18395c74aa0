import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import i18n from '../../i18n/i18n';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe } from '../../test/fixtures';

const WAIT = { timeout: 4000 };
const admin = buildMe({ role: 'administrator', permissions: ['events.read', 'alerts.send', 'alerts.manage', 'feeds.manage', 'users.manage'] });

function api() {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: admin }),
    'GET /api/v1/outbox': () => ({
      status: 200,
      body: {
        items: [
          {
            id: '019b0000-0000-7000-8000-0000000000f1',
            eventId: '019b0000-0000-7000-8000-0000000000f2',
            eventTitle: 'Cyclone over the Bay',
            channel: 'email',
            to: 'focal@school.example.org',
            recipientName: 'Pema',
            language: 'hi',
            subject: 'चक्रवात चेतावनी',
            body: 'विद्यालय खाली करें',
            createdAt: '2026-12-08T04:00:00.000Z',
          },
        ],
        nextCursor: null,
      },
    }),
  });
}

describe('outbox page', () => {
  it('shows administrators each message that was not sent, under the "no channel configured" banner', async () => {
    api();
    renderApp('/outbox');
    expect(await screen.findByRole('heading', { name: 'Outbox' }, WAIT)).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/^Not sent: no channel configured/);
    const message = await screen.findByRole('article', { name: 'Message to focal@school.example.org' }, WAIT);
    expect(message.textContent).toContain('विद्यालय खाली करें');
    expect(message.textContent).toContain('चक्रवात चेतावनी');
    expect(screen.getByRole('link', { name: 'Outbox' })).toBeTruthy();
  });

  it('reads in Hindi and Japanese', async () => {
    api();
    renderApp('/outbox');
    await screen.findByRole('heading', { name: 'Outbox' }, WAIT);
    await i18n.changeLanguage('hi');
    expect((await screen.findByRole('note', {}, WAIT)).textContent).toMatch(/^नहीं भेजा गया: कोई माध्यम कॉन्फ़िगर नहीं है/);
    await i18n.changeLanguage('ja');
    expect((await screen.findByRole('note', {}, WAIT)).textContent).toMatch(/^未送信：チャネルが設定されていません/);
  });
});
