import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildMe, buildSchool } from '../../test/fixtures';

// MapLibre needs WebGL, which jsdom lacks; the map gets its props checked instead.
vi.mock('./school-point-map', () => ({
  SchoolPointMap: ({ lon, lat }: { lon: number; lat: number }) => <p data-testid="point-map">{`${lon} ${lat}`}</p>,
}));

describe('school profile', () => {
  it('shows the school’s details and its point on a map', async () => {
    const school = buildSchool({
      name: 'ZP Primary School Wardha',
      names: { hi: 'ज़ि.प. प्राथमिक विद्यालय वर्धा' },
      enrolmentGirls: 1204,
      enrolmentBoys: 58,
      enrolmentTotal: 1262,
      management: 'Local body',
      educationLevel: 'Primary',
    });
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      [`GET /api/v1/schools/${school.id}`]: () => ({ status: 200, body: school }),
    });
    renderApp(`/schools/${school.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'ZP Primary School Wardha' })).toBeTruthy();
    const details = screen.getByRole('region', { name: 'Details' });
    const value = (label: string) => within(details).getByText(label).nextElementSibling?.textContent;
    expect(value('School code')).toBe('27100100101');
    expect(value('Location')).toBe('20.74, 78.6 (latitude, longitude)');
    expect(value('Management')).toBe('Local body');
    expect(value('Education level')).toBe('Primary');
    expect(value('Girls enrolled')).toBe('1,204');
    expect(value('Boys enrolled')).toBe('58');
    expect(value('Total enrolment')).toBe('1,262');
    expect(value('Classrooms')).toBe('Not recorded');
    expect((await screen.findByTestId('point-map')).textContent).toBe('78.6 20.74');
    expect(document.title).toBe('ZP Primary School Wardha · SafeSchools');
  });

  it('says the school was not found on a 404', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      'GET /api/v1/schools/00000000-0000-7000-8000-00000000ffff': () => problem('NOT_FOUND', 404),
    });
    renderApp('/schools/00000000-0000-7000-8000-00000000ffff');
    expect(await screen.findByRole('heading', { name: 'School not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the school list' }).getAttribute('href')).toBe('/schools');
    expect(screen.queryByTestId('point-map')).toBeNull();
  });
});
