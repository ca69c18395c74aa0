import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildArea, buildMe, buildSchool, page } from '../../test/fixtures';

const wardha = buildArea({ name: 'Wardha', level: 'district' });
const first = buildSchool({ name: 'ZP Primary School Wardha', code: '27100100101', enrolmentTotal: 1250 });
const second = buildSchool({ name: 'Government High School Nagpur', code: '27090200202' });
const third = buildSchool({ name: 'Nagpur Girls School', code: '27090200303' });

function schoolsApi() {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
    'GET /api/v1/areas': () => page([wardha]),
    'GET /api/v1/schools': (request) => {
      if (request.query.get('q') === 'nagpur') return page([second]);
      if (request.query.get('q') === 'Nagpurr') return page([second, third]);
      if (request.query.get('cursor') === 'next-1') return page([third]);
      return { status: 200, body: { items: [first, second], nextCursor: 'next-1', syncCursor: 's' } };
    },
  });
}

describe('schools list', () => {
  it('lists schools with links to their profiles and loads more with the cursor', async () => {
    const api = schoolsApi();
    renderApp('/schools');
    const link = await screen.findByRole('link', { name: 'ZP Primary School Wardha' });
    expect(link.getAttribute('href')).toBe(`/schools/${first.id}`);
    const row = screen.getByRole('row', { name: /ZP Primary School Wardha/ });
    expect(within(row).getByText('1,250')).toBeTruthy();
    expect(within(row).getByText('27100100101')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Nagpur Girls School' });
    expect(within(screen.getByRole('table')).getAllByRole('link')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(api.find('GET /api/v1/schools').at(-1)?.query.get('cursor')).toBe('next-1');
  });

  it('searches with q once typing stops, and filters by district', async () => {
    const api = schoolsApi();
    renderApp('/schools');
    await screen.findByRole('link', { name: 'ZP Primary School Wardha' });
    const box = screen.getByRole('searchbox', { name: 'Search by name or code' });
    fireEvent.change(box, { target: { value: 'nag' } });
    fireEvent.change(box, { target: { value: 'nagpur' } });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'ZP Primary School Wardha' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Government High School Nagpur' })).toBeTruthy();
    const queries = api.find('GET /api/v1/schools').map((r) => r.query.get('q'));
    expect(queries).toEqual([null, 'nagpur']);

    fireEvent.change(await screen.findByRole('combobox', { name: 'District' }), { target: { value: wardha.id } });
    await waitFor(() => expect(api.find('GET /api/v1/schools').at(-1)?.query.get('area')).toBe(wardha.id));
    expect(api.find('GET /api/v1/schools').at(-1)?.query.get('q')).toBe('nagpur');
  });

  it('says when no name contains the search and the schools shown only have a similar word', async () => {
    schoolsApi();
    renderApp('/schools');
    const box = await screen.findByRole('searchbox', { name: 'Search by name or code' });
    fireEvent.change(box, { target: { value: 'nagpur' } });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'ZP Primary School Wardha' })).toBeNull());
    expect(screen.queryByText(/No school name contains/)).toBeNull();
    fireEvent.change(box, { target: { value: 'Nagpurr' } });
    await screen.findByRole('link', { name: 'Nagpur Girls School' });
    expect(
      screen.getByText('No school name contains “Nagpurr” and no code starts with it. These names have a word close to it.'),
    ).toBeTruthy();
  });

  it('lists one area’s schools when the address names it, keeping a state or block chosen on the areas page', async () => {
    const api = schoolsApi();
    const state = '00000000-0000-7000-8000-0000000000bb';
    const { router } = renderApp(`/schools?area=${state}`);
    await screen.findByRole('link', { name: 'ZP Primary School Wardha' });
    expect(api.find('GET /api/v1/schools')[0]?.query.get('area')).toBe(state);
    const select = await screen.findByRole('combobox', { name: 'District' });
    expect(select).toHaveProperty('value', state);
    expect(within(select).getByRole('option', { name: 'The chosen area' })).toBeTruthy();

    // The menu's link to all schools drops the area.
    await router.navigate('/schools');
    await waitFor(() => expect(api.find('GET /api/v1/schools').at(-1)?.query.get('area')).toBeNull());
  });

  it('says so when no school matches', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      'GET /api/v1/areas': () => page([]),
      'GET /api/v1/schools': () => page([]),
    });
    renderApp('/schools');
    expect(await screen.findByText('No schools yet. Import the school registry to see them here.')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'District' })).toBeNull();
  });
});
