import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe, fixtureId } from '../../test/fixtures';
import { buildDrill } from '../plans/plan-fixtures';
import type { Drill, SchoolDrills } from './types';

const focalPoint = buildMe({ role: 'school_focal_point', permissions: ['registry.read', 'safety.read', 'safety.write'] });
const slow = { timeout: 10_000 };
const insufficient = { points: [], slopeSecondsPerYear: null, direction: 'insufficient_data' as const };

function setup(drills: Drill[], schoolId: string, extra: Parameters<typeof mockApi>[0] = {}) {
  const body: SchoolDrills = {
    items: drills,
    trend: { classroomsOut: insufficient, assemblyPoint: { points: [{ on: '2025-01-10', seconds: 300 }], slopeSecondsPerYear: null, direction: 'insufficient_data' } },
    due: [{ hazard: 'flood', lastDrillOn: null, dueOn: '2025-01-01', overdue: true }],
  };
  const api = mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: focalPoint }),
    [`GET /api/v1/schools/${schoolId}/drills`]: () => ({ status: 200, body }),
    ...extra,
  });
  renderApp(`/schools/${schoolId}/drills`);
  return api;
}

describe('drills page', () => {
  it('shows each stage against its target as met or not met, and what is due', async () => {
    const schoolId = fixtureId();
    setup([buildDrill(schoolId)], schoolId);
    const table = await screen.findByRole('table', { name: 'Times against the targets' }, slow);
    const row = (stage: string) => within(table).getByRole('row', { name: new RegExp(stage) });
    expect(within(row('Every classroom out')).getByText('Met')).toBeTruthy();
    expect(within(row('Every classroom out')).getByText('45 seconds')).toBeTruthy();
    expect(within(row('Everyone at the assembly point')).getByText('Not met')).toBeTruthy();
    expect(screen.getByText('Not every target was met')).toBeTruthy();
    expect(screen.getByText('Overdue')).toBeTruthy();
  });

  it('marks a corrective action done with PATCH and says which plan section it marks', async () => {
    const schoolId = fixtureId();
    const drill = buildDrill(schoolId, {
      version: 2,
      correctiveActions: [{ id: 'a1', description: 'Widen the stair exit', owner: 'Head teacher', dueOn: '2025-02-01', status: 'open', planSection: 'evacuationRoutes' }],
    });
    const api = setup([drill], schoolId, {
      [`PATCH /api/v1/drills/${drill.id}/corrective-actions/a1`]: () => ({
        status: 200,
        body: { ...drill, version: 3, correctiveActions: [{ ...drill.correctiveActions[0], status: 'done', completedOn: '2025-01-20' }] },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as done' }, slow));
    expect(await screen.findByText('Done. The plan section “Evacuation routes” is now marked for update.', {}, slow)).toBeTruthy();
    const body = api.find(`PATCH /api/v1/drills/${drill.id}/corrective-actions/a1`)[0]?.body as { status: string; version: number; completedOn: string };
    expect(body).toMatchObject({ status: 'done', version: 2 });
    expect(body.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.queryByRole('button', { name: 'Mark as done' })).toBeNull();
  });

  it('records a drill with counts, times and a corrective action', async () => {
    const schoolId = fixtureId();
    const api = setup([], schoolId, {
      [`POST /api/v1/schools/${schoolId}/drills`]: () => ({ status: 201, body: buildDrill(schoolId) }),
    });
    const form = await screen.findByRole('form', { name: 'Record a drill' }, slow);
    fireEvent.change(within(form).getByLabelText('Hazard'), { target: { value: 'fire' } });
    fireEvent.change(within(form).getByLabelText('Date and time of the alarm'), { target: { value: '2025-01-20T10:30' } });
    fireEvent.change(within(form).getByLabelText('Girls'), { target: { value: '40' } });
    fireEvent.change(within(form).getByLabelText('Boys'), { target: { value: '38' } });
    fireEvent.change(within(form).getByLabelText('Teachers'), { target: { value: '5' } });
    fireEvent.change(within(form).getByLabelText('Last classroom out'), { target: { value: '55' } });
    fireEvent.change(within(form).getByLabelText('Everyone at the assembly point'), { target: { value: '200' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a corrective action' }));
    fireEvent.change(within(form).getByLabelText('What will be done'), { target: { value: 'Mark the second exit' } });
    fireEvent.change(within(form).getByLabelText('Who is responsible'), { target: { value: 'Caretaker' } });
    fireEvent.change(within(form).getByLabelText('Due date'), { target: { value: '2025-02-15' } });
    fireEvent.change(within(form).getByLabelText('Plan section it changes'), { target: { value: 'evacuationRoutes' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the drill' }));

    await waitFor(() => expect(api.find(`POST /api/v1/schools/${schoolId}/drills`)).toHaveLength(1), slow);
    const body = api.find(`POST /api/v1/schools/${schoolId}/drills`)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      hazard: 'fire',
      participants: { girls: 40, boys: 38, otherChildren: 0, childrenWithSpecialNeeds: 0, teachers: 5, staff: 0 },
      times: { classroomsOutSeconds: 55, assemblyPointSeconds: 200 },
      missingPersons: 0,
      correctiveActions: [{ description: 'Mark the second exit', owner: 'Caretaker', dueOn: '2025-02-15', status: 'open', planSection: 'evacuationRoutes' }],
    });
    expect(body.startedAt).toMatch(/^2025-01-20T10:30:00[+-]\d{2}:\d{2}$/);
    expect(body.times).not.toHaveProperty('headcountCompleteSeconds');
    await waitFor(() => expect(api.find(`GET /api/v1/schools/${schoolId}/drills`).length).toBeGreaterThan(1), slow);
  });

  it('says in words why a drill cannot be recorded, before sending it', async () => {
    const schoolId = fixtureId();
    const api = setup([], schoolId);
    const form = await screen.findByRole('form', { name: 'Record a drill' }, slow);
    fireEvent.change(within(form).getByLabelText('Date and time of the alarm'), { target: { value: '2025-01-20T10:30' } });
    fireEvent.change(within(form).getByLabelText('Girls'), { target: { value: '40' } });
    fireEvent.change(within(form).getByLabelText('Last classroom out'), { target: { value: '120' } });
    fireEvent.change(within(form).getByLabelText('Everyone at the assembly point'), { target: { value: '90' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the drill' }));
    expect(await within(form).findByText('Each stage must end after the one before it.')).toBeTruthy();
    expect(api.find(`POST /api/v1/schools/${schoolId}/drills`)).toHaveLength(0);
  });
});

