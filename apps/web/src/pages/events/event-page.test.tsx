import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildAffectedSchool, buildAreaImpact, buildEvent, buildMe, figure } from '../../test/fixtures';
import type { AffectedSchool } from './types';

// MapLibre needs WebGL, which jsdom lacks; the map shows what it was given instead.
vi.mock('./hazard-map', () => ({
  HazardMap: ({ event, schools }: { event: { imt: string }; schools: readonly AffectedSchool[] }) => (
    <p data-testid="hazard-map">{`${event.imt}: ${schools.map((s) => s.code).join(' ')}`}</p>
  ),
}));

const WAIT = { timeout: 4000 };
const north = buildAreaImpact({ name: 'North Sikkim', schools: 2, children: figure(450, 2), girls: figure(230, 2), boys: figure(220, 2), maxIntensity: 7.26 });
const outside = buildAreaImpact({ areaId: null, name: null, code: null, schools: 1, children: figure(80, 1), girls: figure(40, 1), boys: figure(40, 1), maxIntensity: 5.1 });
const strongest = buildAffectedSchool({
  code: '11010102502',
  name: 'Mangshilla SSS',
  districtId: north.areaId,
  intensity: 7.26,
  band: 3,
  children: 230,
  damage: { slight: 0.8, moderate: 0.5, extensive: 0.2, complete: 0.07 },
});
const second = buildAffectedSchool({ code: '11010102601', name: 'Lachung JHS', districtId: north.areaId, intensity: 6.8, band: 2, children: 220 });
const third = buildAffectedSchool({ code: '11990000001', name: 'Far Away PS', districtId: null, intensity: 5.1, band: 1, children: 80, damage: {} });
const event = buildEvent({
  title: 'M 5.8 Scenario near Gangtok',
  status: 'scenario',
  severity: 'Severe',
  urgency: 'Immediate',
  certainty: 'Likely',
  totals: { schools: 3, children: figure(530, 3), girls: figure(270, 3), boys: figure(260, 3), expectedByDamageState: [0.95, 1.2, 0.45, 0.3, 0.1] },
  display: {
    type: 'FeatureCollection',
    bbox: [88.3, 27.1, 88.9, 27.7],
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [[[88.4, 27.3], [88.5, 27.3], [88.5, 27.4], [88.4, 27.4], [88.4, 27.3]]] },
        properties: { role: 'cell', value: 7.3 },
      },
    ],
  },
  warnings: [
    { code: 'TYPOLOGY_UNMAPPED', message: 'No fragility function matches "igloo" (7 schools).' },
    { code: 'SOMETHING_NEW', message: 'A new kind of warning.' },
  ],
});

function eventApi(language: 'en' | 'hi' | 'ja' = 'en') {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['registry.read', 'events.read'], language }) }),
    [`GET /api/v1/events/${event.id}`]: () => ({ status: 200, body: event }),
    [`GET /api/v1/events/${event.id}/impact`]: (request) => {
      const later = request.query.get('cursor') === 'after-2';
      const items = later ? [third] : [strongest, second];
      return {
        status: 200,
        body: { event, totals: event.totals, areas: [north, outside], schools: { items, nextCursor: later ? null : 'after-2' } },
      };
    },
  });
}

describe('event page', () => {
  it('shows the event, its totals, districts, affected schools, map and downloads', async () => {
    const api = eventApi();
    renderApp(`/events/${event.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'M 5.8 Scenario near Gangtok' }, WAIT)).toBeTruthy();
    const details = screen.getByRole('region', { name: 'About the event' });
    const value = (label: string) => within(details).getByText(label).nextElementSibling?.textContent;
    expect(value('Kind')).toBe('Earthquake (ShakeMap)');
    expect(value('Status')).toBe('Scenario');
    expect(value('Severity')).toBe('Severe');
    expect(value('Urgency')).toBe('Immediate');
    expect(value('Certainty')).toBe('Likely');
    expect(value('Expires')).toBe('Not given');
    expect(value('Schools banded by')).toBe('Intensity (MMI)');

    const warnings = screen.getByRole('region', { name: 'Warnings' });
    expect(within(warnings).getByText(/Some building types have no damage model/)).toBeTruthy();
    expect(within(warnings).getByText(/Warning SOMETHING_NEW/)).toBeTruthy();

    const totals = await screen.findByRole('region', { name: 'Impact' }, WAIT);
    const stat = (label: string) => within(totals).getByText(label).nextElementSibling?.textContent;
    expect(stat('Affected schools')).toBe('3');
    expect(stat('Children')).toBe('530');
    expect(stat('Girls')).toBe('270');
    expect(stat('Boys')).toBe('260');
    expect(stat('No damage')).toBe('1');
    expect(stat('Slight damage')).toBe('1.2');
    expect(stat('Complete damage')).toBe('0.1');

    const districts = await screen.findByRole('table', { name: 'Impact by district' }, WAIT);
    const districtRows = within(districts).getAllByRole('row').slice(1);
    expect(districtRows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['North Sikkim', '2', '450', '230', '220', '7.3'],
      ['Outside any district', '1', '80', '40', '40', '5.1'],
    ]);

    const schools = screen.getByRole('table', { name: /affected schools, strongest first/ });
    expect(within(schools).getByRole('columnheader', { name: 'Chance of Complete damage' })).toBeTruthy();
    const first = within(schools).getByRole('row', { name: /Mangshilla SSS/ });
    expect([...first.children].map((cell) => cell.textContent)).toEqual(['Mangshilla SSS', '11010102502', 'North Sikkim', '7.3', '3', '230', '7%']);
    expect(within(first).getByRole('link', { name: 'Mangshilla SSS' }).getAttribute('href')).toBe(`/schools/${strongest.schoolId}`);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const added = await within(schools).findByRole('row', { name: /Far Away PS/ }, WAIT);
    expect([...added.children].map((cell) => cell.textContent)).toEqual(['Far Away PS', '11990000001', '—', '5.1', '1', '80', '—']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    // The map gets every school the impact pages hold (here three, in two pages of up to 500).
    await waitFor(() => expect(screen.getByTestId('hazard-map').textContent).toBe('MMI: 11010102502 11010102601 11990000001'), WAIT);
    const mapReads = api.find(`GET /api/v1/events/${event.id}/impact`).filter((r) => r.query.get('limit') === '500');
    expect(mapReads.map((r) => r.query.get('cursor'))).toEqual([null, 'after-2']);
    expect(screen.queryByText(/The map shows the/)).toBeNull();

    const map = screen.getByRole('region', { name: 'Map' });
    expect(within(map).getByText('Hazard strength: Intensity (MMI)')).toBeTruthy();
    expect(within(map).getByText('Band 1: from 5')).toBeTruthy();
    expect(within(map).getByText('Band 4: from 8')).toBeTruthy();

    const downloads = screen.getByRole('region', { name: 'Downloads' });
    expect(within(downloads).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      `/api/v1/events/${event.id}/schools?format=csv`,
      `/api/v1/events/${event.id}/schools?format=hxl`,
      `/api/v1/events/${event.id}/schools?format=geojson`,
    ]);
    expect(document.title).toBe('M 5.8 Scenario near Gangtok · SafeSchools');
  });

  it('says the event was not found on a 404', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['events.read'] }) }),
      'GET /api/v1/events/00000000-0000-7000-8000-00000000ffff': () => problem('NOT_FOUND', 404),
    });
    renderApp('/events/00000000-0000-7000-8000-00000000ffff');
    expect(await screen.findByRole('heading', { name: 'Event not found' }, WAIT)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the events' }).getAttribute('href')).toBe('/events');
  });

  it('says what the children cover, and "Enrolment unknown" rather than 0 where no school has one', async () => {
    // The demo registry: real schools, most without an enrolment.
    const partial = buildEvent({
      title: 'M 6.1 Scenario near Mangan',
      totals: { schools: 991, children: figure(12340, 812, 179), girls: figure(6100, 812, 179), boys: figure(6240, 800, 191), expectedByDamageState: [] },
    });
    const unknownArea = buildAreaImpact({ name: 'Mangan', schools: 179, children: figure(null, 0, 179), girls: figure(null, 0, 179), boys: figure(null, 0, 179), maxIntensity: 6.2 });
    const knownArea = buildAreaImpact({ name: 'Gangtok', schools: 812, children: figure(12340, 812), girls: figure(6100, 812), boys: figure(6240, 800, 12), maxIntensity: 5.5 });
    const unrecorded = buildAffectedSchool({ name: 'GPS Mangan', code: '11010100101', districtId: unknownArea.areaId, girls: null, boys: null, children: null });
    const api = (language: 'en' | 'hi' | 'ja', event = partial) =>
      mockApi({
        'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['registry.read', 'events.read'], language }) }),
        [`GET /api/v1/events/${event.id}`]: () => ({ status: 200, body: event }),
        [`GET /api/v1/events/${event.id}/impact`]: () => ({
          status: 200,
          body: { event, totals: event.totals, areas: [knownArea, unknownArea], schools: { items: [unrecorded], nextCursor: null } },
        }),
      });
    const stat = async (label: string) => {
      const totals = await screen.findByRole('region', { name: /^(Impact|प्रभाव|影響)$/ }, WAIT);
      const term = within(totals).getByText(label, { selector: 'dt' });
      return [...(term.parentElement?.querySelectorAll('dd') ?? [])].map((dd) => dd.textContent);
    };

    api('en');
    const view = renderApp(`/events/${partial.id}`);
    expect(await stat('Children')).toEqual(['12,340', 'in 812 schools with an enrolment; 179 schools without one']);
    expect(await stat('Girls')).toEqual(['6,100']);
    expect(await stat('Boys')).toEqual(['6,240', 'in 800 schools with an enrolment; 191 schools without one']);
    const districts = await screen.findByRole('table', { name: 'Impact by district' }, WAIT);
    const rows = within(districts).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Gangtok', '812', '12,340', '6,100', '6,24012 schools without an enrolment', '5.5'],
      ['Mangan', '179', 'Enrolment unknown', 'Enrolment unknown', 'Enrolment unknown', '6.2'],
    ]);
    const school = await screen.findByRole('row', { name: /GPS Mangan/ }, WAIT);
    expect([...school.children].map((cell) => cell.textContent)).toContain('Enrolment unknown');
    expect(screen.queryByText('0', { selector: 'td, dd' })).toBeNull();
    view.unmount();

    api('hi');
    const hindi = renderApp(`/events/${partial.id}`);
    expect(await stat('बच्चे')).toEqual(['12,340', 'नामांकन वाले 812 विद्यालयों में; नामांकन के बिना 179 विद्यालय']);
    expect(within(await screen.findByRole('table', { name: 'ज़िलेवार प्रभाव' }, WAIT)).getAllByText('नामांकन अज्ञात')).toHaveLength(3);
    hindi.unmount();

    // No affected school has an enrolment: unknown, with how many schools that is; Japanese has one plural form.
    const none = buildEvent({
      title: 'Landslide near Mangan',
      totals: { schools: 1, children: figure(null, 0, 1), girls: figure(null, 0, 1), boys: figure(null, 0, 1), expectedByDamageState: [] },
    });
    api('hi', none);
    const one = renderApp(`/events/${none.id}`);
    expect(await stat('बच्चे')).toEqual(['नामांकन अज्ञात', 'नामांकन के बिना 1 विद्यालय']);
    one.unmount();
    api('ja', none);
    renderApp(`/events/${none.id}`);
    expect(await stat('子ども')).toEqual(['在籍者数不明', '在籍者数のない学校 1 校']);
    expect(await stat('女子')).toEqual(['在籍者数不明']);
  });
});
