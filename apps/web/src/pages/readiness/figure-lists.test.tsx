import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import i18n from '../../i18n/i18n';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildArea, buildMe, fixtureId, page } from '../../test/fixtures';
import { readinessSchool } from './readiness-fixtures';
import type { Readiness } from './types';

const slow = { timeout: 15_000 };

function figure(count: number) {
  return { count, percent: 50, schoolIds: Array.from({ length: count }, fixtureId) };
}

function readiness(): Readiness {
  return {
    areaId: null,
    asOf: '2025-01-15',
    schools: 6,
    approvedPlan: figure(1),
    drilledRecently: figure(1),
    taskForcesTrained: figure(2),
    flagged: figure(1),
    noPlan: figure(2),
    overdueDrill: figure(3),
    pillarDistribution: {},
  };
}

const overdue = [
  readinessSchool({ name: 'GPS Mana', code: '05010100201', lastDrillOn: '2024-03-02', overdueDrill: true }),
  readinessSchool({ name: 'GPS Niti', code: '05010100202', lastDrillOn: null, overdueDrill: true }),
];
const overdueLater = readinessSchool({ name: 'GIC Tapovan', code: null, district: null, block: null, lastDrillOn: '2024-06-30', overdueDrill: true });

function mockDashboard(district = buildArea({ level: 'district', name: 'Chamoli' }), language: 'en' | 'hi' = 'en') {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ language }) }),
    'GET /api/v1/areas': () => page([district]),
    'GET /api/v1/readiness': () => ({ status: 200, body: readiness() }),
    'GET /api/v1/flagged-schools': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/readiness/schools': (request) => {
      if (request.query.get('filter') === 'no-plan') return problem('INTERNAL', 500);
      if (request.query.get('filter') === 'trained')
        return { status: 200, body: { items: [readinessSchool({ name: 'GIC Joshimath', taskForces: { trained: 5, total: 7 } })], nextCursor: null } };
      if (request.query.get('filter') === 'flagged')
        return { status: 200, body: { items: [readinessSchool({ name: 'GHS Chamoli', overallScore: 41.5, rating: 'D', flagged: true })], nextCursor: null } };
      return request.query.get('cursor') === 'page-2'
        ? { status: 200, body: { items: [overdueLater], nextCursor: null } }
        : { status: 200, body: { items: overdue, nextCursor: 'page-2' } };
    },
  });
}

async function figureCard(label: string, region = 'Key figures') {
  const figures = await screen.findByRole('region', { name: region }, slow);
  return within(figures).getByText(label, { selector: 'dt' }).parentElement as HTMLElement;
}

describe('readiness figure lists', { timeout: 30_000 }, () => {
  it('opens the overdue-drill figure as a paged list from the server, with the last drill of each school', async () => {
    const mock = mockDashboard();
    renderApp('/readiness');
    const card = await figureCard('With a drill overdue');
    expect(within(card).getByText('3')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: /Show the schools/ }));

    const list = await screen.findByRole('region', { name: 'With a drill overdue' }, slow);
    const mana = (await within(list).findByRole('link', { name: 'GPS Mana' }, slow)).closest('tr') as HTMLElement;
    expect(within(mana).getByText('05010100201')).toBeTruthy();
    expect(within(mana).getByText('Joshimath')).toBeTruthy();
    expect(within(mana).getByText('Mar 2, 2024')).toBeTruthy();
    expect(within(mana).getByText('Overdue')).toBeTruthy();
    expect(within(within(list).getByRole('link', { name: 'GPS Niti' }).closest('tr') as HTMLElement).getByText('never')).toBeTruthy();
    expect(within(list).getByRole('columnheader', { name: 'Last drill' })).toBeTruthy();
    expect(within(list).getByRole('link', { name: 'GPS Mana' }).getAttribute('href')).toBe(`/schools/${overdue[0]!.id}`);

    fireEvent.click(within(list).getByRole('button', { name: 'Load more' }));
    expect(await within(list).findByRole('link', { name: 'GIC Tapovan' }, slow)).toBeTruthy();
    expect(within(list).getAllByRole('link')).toHaveLength(3);
    expect(within(list).queryByRole('button', { name: 'Load more' })).toBeNull();
    const asked = mock.find('GET /api/v1/readiness/schools');
    expect(asked.map((r) => [r.query.get('filter'), r.query.get('cursor'), r.query.get('area')])).toEqual([
      ['overdue-drill', null, null],
      ['overdue-drill', 'page-2', null],
    ]);
    // The old one-school-at-a-time reads are gone.
    expect(mock.requests.filter((r) => r.path.startsWith('/api/v1/schools/'))).toEqual([]);
  });

  it('shows what matters for each figure, and an error with a retry when a list cannot be read', async () => {
    mockDashboard();
    renderApp('/readiness');
    fireEvent.click(within(await figureCard('All task forces trained')).getByRole('button', { name: /Show the schools/ }));
    const trained = await screen.findByRole('region', { name: 'All task forces trained' }, slow);
    const row = (await within(trained).findByRole('link', { name: 'GIC Joshimath' }, slow)).closest('tr') as HTMLElement;
    expect(within(row).getByText('5 of 7')).toBeTruthy();

    fireEvent.click(within(await figureCard('Flagged for inspection')).getByRole('button', { name: /Show the schools/ }));
    const flagged = await screen.findByRole('region', { name: 'Flagged for inspection' }, slow);
    const chamoli = (await within(flagged).findByRole('link', { name: 'GHS Chamoli' }, slow)).closest('tr') as HTMLElement;
    expect(within(chamoli).getByText('41.5 (band D)')).toBeTruthy();

    fireEvent.click(within(await figureCard('Without a safety plan')).getByRole('button', { name: /Show the schools/ }));
    const noPlan = await screen.findByRole('region', { name: 'Without a safety plan' }, slow);
    expect(await within(noPlan).findByRole('button', { name: 'Try again' }, slow)).toBeTruthy();
  });

  it('asks for the chosen district in the list and in the download links', async () => {
    const district = buildArea({ level: 'district', name: 'Chamoli' });
    const mock = mockDashboard(district);
    renderApp('/readiness');
    const downloads = await screen.findByRole('region', { name: 'Download' }, slow);
    const href = (name: string) => within(downloads).getByRole('link', { name }).getAttribute('href');
    expect(href('CSV')).toBe('/api/v1/readiness/export?format=csv');
    expect(href('CSV with HXL tags')).toBe('/api/v1/readiness/export?format=hxl');
    expect(href('Excel (XLSX)')).toBe('/api/v1/readiness/export?format=xlsx');

    fireEvent.change(await screen.findByLabelText('District', {}, slow), { target: { value: district.id } });
    expect(href('CSV with HXL tags')).toBe(`/api/v1/readiness/export?format=hxl&area=${district.id}`);
    fireEvent.click(within(await figureCard('With a drill overdue')).getByRole('button', { name: /Show the schools/ }));
    await screen.findByRole('link', { name: 'GPS Mana' }, slow);
    expect(mock.find('GET /api/v1/readiness/schools').at(-1)?.query.get('area')).toBe(district.id);
  });

  it('reads in Hindi', async () => {
    mockDashboard(undefined, 'hi');
    await i18n.changeLanguage('hi');
    renderApp('/readiness');
    fireEvent.click(within(await figureCard('जिनकी मॉक ड्रिल बकाया है', 'मुख्य आँकड़े')).getByRole('button', { name: /विद्यालय दिखाएँ/ }));
    expect(await screen.findByRole('columnheader', { name: 'पिछली मॉक ड्रिल' }, slow)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'HXL टैग के साथ CSV' })).toBeTruthy();
  });
});
