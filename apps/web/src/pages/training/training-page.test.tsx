import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe, fixtureId } from '../../test/fixtures';
import { buildPlan, buildPlanContent } from '../plans/plan-fixtures';
import type { TrainingModule } from './types';

const focalPoint = buildMe({ role: 'school_focal_point', permissions: ['registry.read', 'safety.read', 'safety.write'] });
const slow = { timeout: 10_000 };
const modules: TrainingModule[] = [
  { id: 'tf-first-aid', taskForceType: 'first_aid', audiences: ['task_force', 'teachers'], title: { en: 'First aid', hi: 'प्राथमिक चिकित्सा', ja: '応急手当' } },
];

describe('training page', () => {
  it('records a session with adult attendees from the plan and children as counts', async () => {
    const schoolId = fixtureId();
    const plan = buildPlan(schoolId, {
      content: buildPlanContent(schoolId, { people: [{ id: 'p1', name: 'Sunita Rao', role: 'teacher' }] }),
    });
    const api = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: focalPoint }),
      'GET /api/v1/training-modules': () => ({ status: 200, body: { items: modules } }),
      [`GET /api/v1/schools/${schoolId}/plan`]: () => ({ status: 200, body: plan }),
      [`GET /api/v1/schools/${schoolId}/training-sessions`]: () => ({
        status: 200,
        body: { items: [], taskForces: [{ taskForceId: 'tf1', type: 'first_aid', customName: null, status: 'not_trained', untrainedPersonIds: ['p1'] }] },
      }),
      [`POST /api/v1/schools/${schoolId}/training-sessions`]: (request) => ({
        status: 201,
        body: { ...(request.body as object), schoolId, version: 1, createdAt: '2025-01-20T10:00:00.000Z', updatedAt: '2025-01-20T10:00:00.000Z', deletedAt: null },
      }),
    });
    renderApp(`/schools/${schoolId}/training`);
    expect(await screen.findByText('(still to attend: Sunita Rao)', {}, slow)).toBeTruthy();
    const form = await screen.findByRole('form', { name: 'Record a session' }, slow);
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2025-01-20' } });
    fireEvent.change(within(form).getByLabelText('Facilitator'), { target: { value: 'Dr Mehta' } });
    fireEvent.click(within(form).getByLabelText('Sunita Rao (Teacher)'));
    fireEvent.change(within(form).getByLabelText('Female'), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText('Male'), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a grade' }));
    fireEvent.change(within(form).getByLabelText('Grade (optional)'), { target: { value: '8' } });
    fireEvent.change(within(form).getByLabelText('Number of students'), { target: { value: '30' } });
    fireEvent.change(within(form).getByLabelText('Pre-test average (0–100)'), { target: { value: '45' } });
    fireEvent.change(within(form).getByLabelText('Post-test average (0–100)'), { target: { value: '80' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the session' }));

    await waitFor(() => expect(api.find(`POST /api/v1/schools/${schoolId}/training-sessions`)).toHaveLength(1), slow);
    expect(api.find(`POST /api/v1/schools/${schoolId}/training-sessions`)[0]?.body).toMatchObject({
      moduleId: 'tf-first-aid',
      heldOn: '2025-01-20',
      facilitator: { name: 'Dr Mehta' },
      audience: 'teachers',
      attendeePersonIds: ['p1'],
      participants: { female: 3, male: 2, other: 0, withDisability: 0 },
      studentsByGrade: { '8': 30 },
      preTestAverage: 45,
      postTestAverage: 80,
    });
  });
});
