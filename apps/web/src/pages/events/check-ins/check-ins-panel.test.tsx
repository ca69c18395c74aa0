import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import i18n from '../../../i18n/i18n';
import { renderApp } from '../../../test/render-app';
import { mockApi } from '../../../test/mock-api';
import { buildEvent, buildMe } from '../../../test/fixtures';
import { checkInFeatures, type EventCheckIns } from './check-in-style';

// MapLibre needs WebGL, which jsdom lacks.
vi.mock('../hazard-map', () => ({ HazardMap: () => <p data-testid="hazard-map">map</p> }));

const WAIT = { timeout: 4000 };
const event = buildEvent({ title: 'Cyclone over the Bay' });
const ids = ['019b0000-0000-7000-8000-0000000000a1', '019b0000-0000-7000-8000-0000000000a2', '019b0000-0000-7000-8000-0000000000a3'] as const;

const checkIns: EventCheckIns = {
  silentMinutes: 30,
  totals: { affected: 3, told: 3, delivered: 2, answered: 2, byStatus: { all_safe: 1, some_injured: 0, building_damaged: 1, need_help: 0 }, silent: 1 },
  schools: [
    {
      schoolId: ids[0],
      name: 'Tashi Namgyal Academy',
      code: '11',
      districtId: null,
      lon: 88.6,
      lat: 27.3,
      band: 2,
      toldAt: '2026-12-08T04:00:00.000Z',
      delivered: true,
      answer: { status: 'building_damaged', studentsPresent: null, staffPresent: 12, injured: 2, missing: null, schoolState: 'shelter', note: 'Roof of block B', via: 'link', version: 1, answeredAt: '2026-12-08T04:20:00.000Z' },
    },
    {
      schoolId: ids[1],
      name: 'Paljor Namgyal Girls School',
      code: '12',
      districtId: null,
      lon: null,
      lat: null,
      band: 1,
      toldAt: '2026-12-08T04:00:00.000Z',
      delivered: true,
      answer: { status: 'all_safe', studentsPresent: null, staffPresent: null, injured: null, missing: null, schoolState: null, note: '', via: 'sms', version: 1, answeredAt: '2026-12-08T04:10:00.000Z' },
    },
    { schoolId: ids[2], name: 'Silent Hill School', code: '13', districtId: null, lon: 88.7, lat: 27.4, band: 1, toldAt: '2026-12-08T04:00:00.000Z', delivered: false, answer: null },
  ],
  silent: [{ schoolId: ids[2], name: 'Silent Hill School', code: '13', toldAt: '2026-12-08T04:00:00.000Z', contacts: [{ role: 'focal_point', name: 'Pema', phone: '+919812345678' }] }],
};

function api() {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['events.read', 'alerts.send'] }) }),
    [`GET /api/v1/events/${event.id}`]: () => ({ status: 200, body: event }),
    [`GET /api/v1/events/${event.id}/impact`]: () => ({ status: 200, body: { event, totals: event.totals, areas: [], schools: { items: [], nextCursor: null } } }),
    [`GET /api/v1/events/${event.id}/check-ins`]: () => ({ status: 200, body: checkIns }),
  });
}

describe('check-ins on the event page', () => {
  it('shows the totals, the schools to call with their numbers, and the answers with unknown counts as not given', async () => {
    const calls = api();
    renderApp(`/events/${event.id}`);
    const panel = await screen.findByRole('region', { name: 'School check-ins' }, WAIT);
    const stat = (label: string) => within(panel).getAllByText(label)[0]!.closest('div')?.querySelector('dd')?.textContent;
    expect(await within(panel).findByText('Told', {}, WAIT)).toBeTruthy();
    expect(stat('Told')).toBe('3');
    expect(stat('Delivered')).toBe('2');
    expect(stat('Answered')).toBe('2');
    expect(stat('Building damaged')).toBe('1');
    expect(stat('Need help now')).toBe('0');

    const silent = within(panel).getByRole('list', { name: 'Not answered after 30 minutes' });
    expect(within(silent).getByRole('link', { name: 'Silent Hill School' })).toBeTruthy();
    expect(within(silent).getByRole('link', { name: '+919812345678' }).getAttribute('href')).toBe('tel:+919812345678');
    expect(within(silent).getByText(/Focal point Pema/)).toBeTruthy();

    const table = within(panel).getByRole('table', { name: '2 schools have answered' });
    const row = within(table).getByRole('row', { name: /Tashi Namgyal Academy/ });
    expect([...row.children].slice(1, 8).map((c) => c.textContent)).toEqual(['Building damaged', 'Not given', '12', '2', 'Not given', 'Shelter', 'Roof of block B']);
    expect(calls.find(`GET /api/v1/events/${event.id}/check-ins`)[0]!.query.get('silentMinutes')).toBe('30');
  });

  it('reads in Hindi and Japanese', async () => {
    api();
    renderApp(`/events/${event.id}`);
    await screen.findByRole('region', { name: 'School check-ins' }, WAIT);
    await i18n.changeLanguage('hi');
    expect(await screen.findByRole('list', { name: '30 मिनट बाद भी उत्तर नहीं' }, WAIT)).toBeTruthy();
    await i18n.changeLanguage('ja');
    expect(await screen.findByRole('region', { name: '学校の安否報告' }, WAIT)).toBeTruthy();
  });
});

describe('checkInFeatures', () => {
  it('maps located schools with their answer, unanswered as none', () => {
    const features = checkInFeatures(checkIns.schools).features;
    expect(features.map((f) => [f.properties?.name as string, f.properties?.status as string])).toEqual([
      ['Tashi Namgyal Academy', 'building_damaged'],
      ['Silent Hill School', 'none'],
    ]);
  });
});
