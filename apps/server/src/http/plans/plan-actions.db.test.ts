import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let focal: Caller;
let officer: Caller;
let schoolId: string;

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const district = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  schoolId = (await buildSchool(t.database, { area: district, name: 'Enchey School', girls: 10, boys: 10 })).id;
  focal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [schoolId] })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [district.id] })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('plan actions under their own names', () => {
  it('submit, approve and return act as the matching transition', async () => {
    const plan = (await focal.request('PUT', `/api/v1/schools/${schoolId}/plan`, {})).json<{ id: string; version: number }>();
    const submit = await focal.request('POST', `/api/v1/plans/${plan.id}/submit`, { version: plan.version });
    expect(submit.json()).toMatchObject({ code: 'PLAN_INCOMPLETE' });
    expect(submit.json<{ errors: unknown[] }>().errors.length).toBeGreaterThan(0);
    expect((await officer.request('POST', `/api/v1/plans/${plan.id}/approve`, { version: plan.version })).json()).toMatchObject({ code: 'PLAN_TRANSITION_REFUSED' });
    expect((await officer.request('POST', `/api/v1/plans/${plan.id}/return`, { comments: 'Add the task forces', version: plan.version })).json()).toMatchObject({
      code: 'PLAN_TRANSITION_REFUSED',
    });
    expect((await focal.request('POST', `/api/v1/plans/${plan.id}/approve`, { version: plan.version })).json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
