import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from '../../i18n/i18n';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe } from '../../test/fixtures';
import type { RuleWithReach } from './rule-labels';

const WAIT = { timeout: 4000 };
const now = '2026-12-08T04:00:00.000Z';
function rule(overrides: Partial<RuleWithReach['rule']> = {}, reach: Partial<RuleWithReach['reach']> = {}): RuleWithReach {
  const r = { focal_points: 3, head_teachers: 2, district_officers: 1, programme_staff: 0, total: 6, ...reach };
  return {
    rule: {
      id: '019b0000-0000-7000-8000-000000000001',
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      name: 'Severe events, or band 2 and above at a school',
      enabled: true,
      eventKinds: [],
      hazardTypes: [],
      statuses: ['actual'],
      minSeverity: 'Severe',
      minUrgency: null,
      minCertainty: null,
      minBand: 2,
      minIntensity: null,
      match: 'any',
      audiences: ['focal_points', 'head_teachers', 'district_officers'],
      scope: { all: true, areas: [], schools: [] },
      builtIn: true,
      nameUnchanged: true,
      ...overrides,
    },
    reach: r,
    warnings: r.total === 0 ? [{ code: 'RULE_REACHES_NOBODY', message: 'nobody' }] : [],
  };
}

describe('alert rules page', () => {
  it('lists the built-in rule translated, turns it off, and adds a rule that reaches nobody with a warning', async () => {
    let items = [rule()];
    const created = rule(
      {
        id: '019b0000-0000-7000-8000-0000000000c1',
        name: 'Staff only',
        builtIn: false,
        nameUnchanged: false,
        audiences: ['programme_staff'],
        minSeverity: null,
        minBand: 1,
      },
      { total: 0, focal_points: 0, head_teachers: 0, district_officers: 0 },
    );
    const calls = mockApi({
      'GET /api/v1/auth/me': () => ({
        status: 200,
        body: buildMe({ permissions: ['alerts.manage', 'events.read'], language: 'en' }),
      }),
      'GET /api/v1/alert-rules': () => ({ status: 200, body: { items } }),
      'PATCH /api/v1/alert-rules/019b0000-0000-7000-8000-000000000001': (request) => {
        items = [rule({ enabled: (request.body as { enabled: boolean }).enabled, version: 2 })];
        return { status: 200, body: items[0] };
      },
      'POST /api/v1/alert-rules': () => {
        items = [...items, created];
        return { status: 201, body: created };
      },
    });
    renderApp('/alert-rules');
    expect(await screen.findByRole('heading', { level: 1, name: 'Alert rules' }, WAIT)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Alert rules' })).toBeTruthy();
    const card = await screen.findByRole('article', { name: 'Severe events, or band 2 and above at a school' }, WAIT);
    expect(within(card).getByText(/Reaches 6 people now/)).toBeTruthy();
    expect(within(card).getByText(/severity Severe or more or band 2 or more/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: /^Turn off/ }));
    await waitFor(
      () =>
        expect(calls.find('PATCH /api/v1/alert-rules/019b0000-0000-7000-8000-000000000001')[0]!.body).toEqual({
          version: 1,
          enabled: false,
        }),
      WAIT,
    );
    expect(await screen.findByRole('button', { name: /^Turn on/ }, WAIT)).toBeTruthy();

    const add = screen.getByRole('region', { name: 'Add a rule' });
    fireEvent.change(within(add).getByLabelText('Name'), { target: { value: 'Staff only' } });
    fireEvent.click(within(add).getByLabelText('Focal points'));
    fireEvent.click(within(add).getByLabelText('Head teachers'));
    fireEvent.click(within(add).getByLabelText('Programme staff'));
    fireEvent.click(within(add).getByRole('button', { name: 'Add rule' }));
    const saved = await screen.findByText('Saved: Staff only.', {}, WAIT);
    expect(within(saved.closest('[role="status"]') as HTMLElement).getByText(/would tell nobody/)).toBeTruthy();
    expect(calls.find('POST /api/v1/alert-rules')[0]!.body).toMatchObject({
      name: 'Staff only',
      audiences: ['programme_staff'],
      statuses: ['actual'],
      minBand: 2,
    });
  });

  it('reads in Hindi and Japanese, the built-in rule name included', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['alerts.manage'] }) }),
      'GET /api/v1/alert-rules': () => ({ status: 200, body: { items: [rule()] } }),
    });
    renderApp('/alert-rules');
    await screen.findByRole('article', { name: 'Severe events, or band 2 and above at a school' }, WAIT);
    await i18n.changeLanguage('hi');
    expect(await screen.findByRole('article', { name: 'गंभीर घटनाएँ, या विद्यालय पर स्तर 2 और ऊपर' }, WAIT)).toBeTruthy();
    await i18n.changeLanguage('ja');
    expect(await screen.findByRole('heading', { level: 1, name: '警報ルール' }, WAIT)).toBeTruthy();
  });

  it('sets no fixed pixel widths, so it narrows to a 360 px screen', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['alerts.manage'] }) }),
      'GET /api/v1/alert-rules': () => ({ status: 200, body: { items: [rule()] } }),
    });
    const { container } = renderApp('/alert-rules');
    await screen.findByRole('article', {}, WAIT);
    const fixed = [...container.querySelectorAll<HTMLElement>('[style]')].filter((el) =>
      /width:\s*\d+px/.test(el.getAttribute('style') ?? ''),
    );
    expect(fixed).toEqual([]);
    vi.restoreAllMocks();
  });
});
