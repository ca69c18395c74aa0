import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe, buildSchool, page } from '../../test/fixtures';
import { buildAssessment, buildSubmitted } from './assessment-fixtures';

// MapLibre needs WebGL, which jsdom lacks.
vi.mock('../schools/school-point-map', () => ({ SchoolPointMap: () => null }));

const slow = { timeout: 15_000 };

describe('self-assessments on the school profile', { timeout: 30_000 }, () => {
  it('lists the school’s assessments and offers to start one', async () => {
    const school = buildSchool();
    const submitted = buildSubmitted({ schoolId: school.id });
    const draft = buildAssessment({ schoolId: school.id });
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['registry.read', 'safety.read', 'safety.write'] }) }),
      [`GET /api/v1/schools/${school.id}`]: () => ({ status: 200, body: school }),
      [`GET /api/v1/schools/${school.id}/assessments`]: () => page([draft, submitted]),
    });
    renderApp(`/schools/${school.id}`);
    const section = await screen.findByRole('region', { name: 'Self-assessments' }, slow);
    expect((await within(section).findByRole('link', { name: /^Submitted .*: band B$/ }, slow)).getAttribute('href')).toBe(`/assessments/${submitted.id}`);
    expect(within(section).getByRole('link', { name: /^Draft, last changed/ }).getAttribute('href')).toBe(`/assessments/${draft.id}`);
    expect(within(section).getByRole('link', { name: 'Start a self-assessment' }).getAttribute('href')).toBe(`/schools/${school.id}/assessment/new`);
  });

  it('offers no start to someone who may only read', async () => {
    const school = buildSchool();
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['registry.read', 'safety.read'] }) }),
      [`GET /api/v1/schools/${school.id}`]: () => ({ status: 200, body: school }),
      [`GET /api/v1/schools/${school.id}/assessments`]: () => page([]),
    });
    renderApp(`/schools/${school.id}`);
    const section = await screen.findByRole('region', { name: 'Self-assessments' }, slow);
    expect(await within(section).findByText('No self-assessment yet.', {}, slow)).toBeTruthy();
    expect(within(section).queryByRole('link', { name: 'Start a self-assessment' })).toBeNull();
  });
});
