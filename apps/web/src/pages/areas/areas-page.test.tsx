import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, type RecordedRequest } from '../../test/mock-api';
import { buildArea, buildMe, figure, page } from '../../test/fixtures';

const india = buildArea({ level: 'country', name: 'India', names: { hi: 'भारत' } });
const sikkim = buildArea({ level: 'state', name: 'Sikkim', parentId: india.id });
const kerala = buildArea({ level: 'state', name: 'Kerala', parentId: india.id });
const gangtok = buildArea({ level: 'district', name: 'Gangtok', parentId: sikkim.id });
const gangtokBlock = buildArea({ level: 'block', name: 'Gangtok Block', parentId: gangtok.id });

/** An area's counts: `girls` and `boys` summed over the schools with an enrolment, `without` the schools lacking one. */
const rollupItem = (area: typeof sikkim, schools: number, girls: number, boys: number, without = 0) => {
  const known = schools - without;
  const sum = (n: number) => figure(known === 0 && schools > 0 ? null : n, known, without);
  return {
    areaId: area.id,
    name: area.name,
    names: area.names,
    level: area.level,
    codes: {},
    schools,
    children: sum(girls + boys),
    girls: sum(girls),
    boys: sum(boys),
    geometry: null,
  };
};

/** The tree above, answered as the server would: top-level by level, children by parent, counts by level and parent. */
function treeApi(language: 'en' | 'hi' = 'en') {
  const byParent: Record<string, (typeof india)[]> = {
    [india.id]: [sikkim, kerala],
    [sikkim.id]: [gangtok],
    [gangtok.id]: [gangtokBlock],
  };
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['registry.read'], language }) }),
    'GET /api/v1/areas': (request: RecordedRequest) => {
      const parent = request.query.get('parent');
      if (parent) return page(byParent[parent] ?? []);
      return page(request.query.get('level') === 'country' ? [india] : []);
    },
    'GET /api/v1/areas/rollup': (request: RecordedRequest) => {
      const key = `${request.query.get('level')}:${request.query.get('parent') ?? ''}`;
      const answers: Record<string, ReturnType<typeof rollupItem>[]> = {
        'country:': [rollupItem(india, 1200, 30000, 29000)],
        [`state:${india.id}`]: [rollupItem(sikkim, 991, 40120, 38900, 179), rollupItem(kerala, 0, 0, 0)],
        [`district:${sikkim.id}`]: [rollupItem(gangtok, 300, 0, 0, 300)],
      };
      return { status: 200, body: { items: answers[key] ?? [] } };
    },
  });
}

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('areas page', () => {
  it('lists the top areas one sees with their counts, and children with links down and to schools and reviews', async () => {
    const api = treeApi();
    renderApp(`/areas?path=${india.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'India' })).toBeTruthy();
    const sikkimRow = screen.getByRole('rowheader', { name: 'Sikkim' }).closest('tr') as HTMLElement;
    // Enrolment says how many schools it leaves out.
    const without = '179 schools without an enrolment';
    expect(cells(sikkimRow).slice(0, 5)).toEqual(['State', '991', `79,020${without}`, `40,120${without}`, `38,900${without}`]);
    expect(within(sikkimRow).getByRole('link', { name: 'Sikkim' }).getAttribute('href')).toBe(
      `/areas?path=${india.id},${sikkim.id}`,
    );
    expect(within(sikkimRow).getByRole('link', { name: 'Schools in Sikkim' }).getAttribute('href')).toBe(
      `/schools?area=${sikkim.id}`,
    );
    expect(within(sikkimRow).getByRole('link', { name: 'Reviews in Sikkim' }).getAttribute('href')).toBe(
      `/reviews?area=${sikkim.id}`,
    );
    // Kerala comes first by name, with its zeros: no schools, so no children, which is known.
    const keralaRow = screen.getByRole('rowheader', { name: 'Kerala' }).closest('tr') as HTMLElement;
    expect(cells(keralaRow).slice(0, 5)).toEqual(['State', '0', '0', '0', '0']);
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Kerala', 'Sikkim']);
    expect(api.find('GET /api/v1/areas/rollup').map((r) => [r.query.get('level'), r.query.get('parent')])).toEqual([
      ['state', india.id],
    ]);
  });

  it('walks down to a district with breadcrumbs back up, and stops at blocks', async () => {
    treeApi();
    renderApp(`/areas?path=${india.id},${sikkim.id},${gangtok.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Gangtok' })).toBeTruthy();
    const crumbs = screen.getByRole('navigation', { name: 'Where you are' });
    expect(
      within(crumbs)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['All areas', '/areas'],
      ['India', `/areas?path=${india.id}`],
      ['Sikkim', `/areas?path=${india.id},${sikkim.id}`],
    ]);
    expect(screen.getByRole('link', { name: 'Reviews in Gangtok' }).getAttribute('href')).toBe(`/reviews?area=${gangtok.id}`);
    // Blocks are the bottom of the tree: a name, not a link down.
    const block = screen.getByRole('rowheader', { name: 'Gangtok Block' });
    expect(within(block).queryByRole('link')).toBeNull();
    expect(cells(block.closest('tr') as HTMLElement).slice(0, 2)).toEqual(['Block', '0']);
  });

  it('starts at the highest areas one sees, in Hindi when the interface is', async () => {
    treeApi('hi');
    renderApp('/areas');
    const link = await screen.findByRole('link', { name: 'भारत' });
    expect(link.getAttribute('href')).toBe(`/areas?path=${india.id}`);
    expect(screen.getByRole('heading', { level: 1, name: 'क्षेत्र' })).toBeTruthy();
    const row = link.closest('tr') as HTMLElement;
    expect(cells(row).slice(0, 2)).toEqual(['देश', '1,200']);
    expect(within(row).getByRole('link', { name: 'भारत के स्कूल' }).getAttribute('href')).toBe(`/schools?area=${india.id}`);
  });

  it('says "Enrolment unknown", not 0 children, for an area none of whose schools has an enrolment', async () => {
    treeApi();
    const english = renderApp(`/areas?path=${india.id},${sikkim.id}`);
    const row = (await screen.findByRole('rowheader', { name: 'Gangtok' })).closest('tr') as HTMLElement;
    expect(cells(row).slice(0, 5)).toEqual(['District', '300', 'Enrolment unknown', 'Enrolment unknown', 'Enrolment unknown']);
    english.unmount();

    treeApi('hi');
    renderApp(`/areas?path=${india.id},${sikkim.id}`);
    const hindi = (await screen.findByRole('rowheader', { name: 'Gangtok' })).closest('tr') as HTMLElement;
    expect(cells(hindi).slice(1, 5)).toEqual(['300', 'नामांकन अज्ञात', 'नामांकन अज्ञात', 'नामांकन अज्ञात']);
  });
});
