import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildMe, buildSchool } from '../../test/fixtures';
import { buildPlan } from './plan-fixtures';
import type { Plan } from './types';

// MapLibre needs WebGL, which jsdom lacks.
vi.mock('./evacuation-map', () => ({ EvacuationMap: () => <p data-testid="evacuation-map" /> }));

const focalPoint = buildMe({ role: 'school_focal_point', permissions: ['registry.read', 'safety.read', 'safety.write'] });
const officer = buildMe({ role: 'district_officer', permissions: ['registry.read', 'safety.read', 'safety.approve'] });
const slow = { timeout: 10_000 };

function setup(plan: Plan, me = focalPoint, extra: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    [`GET /api/v1/schools/${plan.schoolId}`]: () => ({ status: 200, body: buildSchool({ id: plan.schoolId }) }),
    [`GET /api/v1/schools/${plan.schoolId}/plan`]: () => ({ status: 200, body: plan }),
    [`PUT /api/v1/schools/${plan.schoolId}/plan`]: (request) => ({
      status: 200,
      body: { ...plan, version: plan.version + 1, content: { ...plan.content, ...(request.body as { content: object }).content } },
    }),
    ...extra,
  });
  renderApp(`/schools/${plan.schoolId}/plan`);
  return api;
}

describe('plan page', () => {
  it('shows the sections and saves a new person with the version it was read at', async () => {
    const plan = buildPlan(buildSchool().id);
    const api = setup(plan);
    expect(await screen.findByText('Hazard, risk and vulnerability assessment', {}, slow)).toBeTruthy();
    for (const section of ['School Disaster Management Committee', 'Task forces', 'Emergency contacts', 'Evacuation routes and assembly points', 'Resource inventory', 'Drill schedule'])
      expect(screen.getByText(section)).toBeTruthy();
    expect(screen.getByText('Draft')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Sunita Rao' } });
    fireEvent.change(screen.getByLabelText('Phone'), { target: { value: '+91 98765 43210' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.find(`PUT /api/v1/schools/${plan.schoolId}/plan`)).toHaveLength(1), slow);
    const body = api.find(`PUT /api/v1/schools/${plan.schoolId}/plan`)[0]?.body as { version: number; content: Plan['content'] };
    expect(body.version).toBe(3);
    expect(body.content.people).toEqual([expect.objectContaining({ name: 'Sunita Rao', role: 'teacher', phone: '+91 98765 43210' })]);
    // The registry's name and address are never sent back.
    expect(Object.keys(body.content.profile ?? {})).not.toContain('name');
  });

  it('lets the focal point complete the profile the registry left empty, buses included', async () => {
    const plan = buildPlan(buildSchool().id);
    // What the registry lacks comes as null: an empty field saying "Not recorded", never a 0.
    const empty = { ...plan.content.profile, students: { girls: null, boys: null, other: null }, teachers: null };
    const api = setup({ ...plan, content: { ...plan.content, profile: empty } });
    fireEvent.change(await screen.findByLabelText('Girls', {}, slow), { target: { value: '41' } });
    fireEvent.change(screen.getByLabelText('Boys'), { target: { value: '39' } });
    fireEvent.change(screen.getByLabelText('Teachers'), { target: { value: '5' } });
    expect(screen.getByLabelText<HTMLInputElement>('Other children').value).toBe('');
    expect(screen.getByLabelText('Other children').getAttribute('placeholder')).toBe('Not recorded');
    fireEvent.change(screen.getByLabelText('Children with special needs'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a school bus' }));
    fireEvent.change(screen.getByLabelText('Bus registration number'), { target: { value: 'SK-01-B-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.find(`PUT /api/v1/schools/${plan.schoolId}/plan`)).toHaveLength(1), slow);
    const body = api.find(`PUT /api/v1/schools/${plan.schoolId}/plan`)[0]?.body as { content: { profile: Partial<Plan['content']['profile']> } };
    expect(body.content.profile.students).toEqual({ girls: 41, boys: 39, other: null });
    expect(body.content.profile.teachers).toBe(5);
    expect(body.content.profile.childrenWithSpecialNeeds).toBeNull();
    expect(body.content.profile.buses?.map((b) => b.registration)).toEqual(['SK-01-B-1234']);
    expect(body.content.profile.buses?.[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.content.profile).not.toHaveProperty('name');
    expect(body.content.profile).not.toHaveProperty('address');
  });

  it('adds a group of students to a task force as a count, with no name', async () => {
    const plan = buildPlan(buildSchool().id);
    const api = setup(plan);
    fireEvent.click(await screen.findByRole('button', { name: 'Add: Evacuation' }, slow));
    const force = screen.getByRole('group', { name: 'Evacuation' });
    fireEvent.click(within(force).getByRole('button', { name: 'Add a group of students' }));
    fireEvent.change(within(force).getByLabelText('Number of students'), { target: { value: '12' } });
    fireEvent.change(within(force).getByLabelText('Grade (optional)'), { target: { value: '7' } });
    expect(within(force).queryByLabelText('Name')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.find(`PUT /api/v1/schools/${plan.schoolId}/plan`)).toHaveLength(1), slow);
    const body = api.find(`PUT /api/v1/schools/${plan.schoolId}/plan`)[0]?.body as { content: Plan['content'] };
    expect(body.content.taskForces[0]?.members).toEqual([{ kind: 'students', count: 12, grade: '7' }]);
  });

  it('lists the problems of the local check in words', async () => {
    setup(buildPlan(buildSchool().id));
    fireEvent.click(await screen.findByRole('button', { name: 'Check' }, slow));
    const problems = await screen.findByRole('region', { name: /problems to fix before submitting/ });
    expect(within(problems).getAllByText('This section is empty; fill it in before submitting.').length).toBeGreaterThan(5);
    expect(within(problems).getAllByText('One of the standard task forces has not been formed.').length).toBe(6);
  });

  it('shows the problems the server gives when submitting an incomplete plan', async () => {
    const plan = buildPlan(buildSchool().id);
    const api = setup(plan, focalPoint, {
      [`POST /api/v1/plans/${plan.id}/transitions`]: () =>
        problem('PLAN_INCOMPLETE', 422, [{ path: 'taskForces.tf-1', code: 'PLAN_TASK_FORCE_NO_LEADER', message: 'Name one adult member as leader' }]),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Submit for approval' }, slow));
    const problems = await screen.findByRole('region', { name: 'The server refused the plan for these reasons' }, slow);
    expect(within(problems).getByText('A task force has no leader: mark one adult member as leader.')).toBeTruthy();
    expect(within(problems).getByText('Task forces:', { exact: false })).toBeTruthy();
    expect(api.find(`POST /api/v1/plans/${plan.id}/transitions`)[0]?.body).toEqual({ action: 'submit', version: 3 });
  });

  it('explains a version conflict on save', async () => {
    const plan = buildPlan(buildSchool().id);
    setup(plan, focalPoint, { [`PUT /api/v1/schools/${plan.schoolId}/plan`]: () => problem('VERSION_CONFLICT', 409) });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a person' }, slow));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Someone else saved this plan while you were editing it/, {}, slow)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload the plan' })).toBeTruthy();
  });

  it('lets an officer approve or return a submitted plan, with comments', async () => {
    const plan = buildPlan(buildSchool().id, { status: 'submitted' });
    const api = setup(plan, officer, {
      [`POST /api/v1/plans/${plan.id}/transitions`]: () => ({ status: 200, body: { ...plan, status: 'returned', returnComments: 'Add the bus team', version: 4 } }),
    });
    expect(await screen.findByRole('button', { name: 'Approve' }, slow)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Return with comments' }));
    fireEvent.change(screen.getByLabelText('What must change before approval?'), { target: { value: 'Add the bus team' } });
    fireEvent.click(screen.getByRole('button', { name: 'Return the plan' }));
    await waitFor(() => expect(api.find(`POST /api/v1/plans/${plan.id}/transitions`)).toHaveLength(1), slow);
    expect(api.find(`POST /api/v1/plans/${plan.id}/transitions`)[0]?.body).toEqual({ action: 'return', comments: 'Add the bus team', version: 3 });
    expect(await screen.findByText('Returned for changes', {}, slow)).toBeTruthy();
  });

  it('shows a returned plan with the officer’s comments and lets the focal point reopen it', async () => {
    const plan = buildPlan(buildSchool().id, {
      status: 'returned',
      returnComments: 'Name the first aid leader',
      reviewOverdue: true,
      reviewDueOn: '2024-12-01',
      history: [{ action: 'return', by: 'officer', on: '2025-01-12', from: 'submitted', to: 'returned', comments: 'See the notes' }],
    });
    const api = setup(plan, focalPoint, {
      [`POST /api/v1/plans/${plan.id}/transitions`]: () => ({ status: 200, body: { ...plan, status: 'draft', version: 4 } }),
    });
    expect(await screen.findByText('Name the first aid leader', {}, slow)).toBeTruthy();
    expect(screen.getByText('The yearly review is overdue. Revise the plan and submit it again.')).toBeTruthy();
    expect(screen.getByText('Jan 12, 2025: returned with comments')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit for approval' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reopen to make the changes' }));
    await waitFor(() => expect(api.find(`POST /api/v1/plans/${plan.id}/transitions`)[0]?.body).toEqual({ action: 'reopen', version: 3 }), slow);
    expect(await screen.findByRole('button', { name: 'Submit for approval' }, slow)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /English|हिन्दी|日本語/ }).map((a) => a.getAttribute('href'))).toEqual([
      `/api/v1/plans/${plan.id}/pdf?lang=en`,
      `/api/v1/plans/${plan.id}/pdf?lang=hi`,
      `/api/v1/plans/${plan.id}/pdf?lang=ja`,
    ]);
  });
});
