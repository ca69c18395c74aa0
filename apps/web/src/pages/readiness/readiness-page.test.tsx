import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildArea, buildMe, buildSchool, fixtureId, page } from '../../test/fixtures';
import type { FlaggedSchool, PriorityList, Readiness } from './types';
import { readinessSchool } from './readiness-fixtures';

const slow = { timeout: 15_000 };

function figure(schoolIds: string[], of: number) {
  return { count: schoolIds.length, percent: Math.round((1000 * schoolIds.length) / of) / 10, schoolIds };
}

function buildReadiness(planned: string[]): Readiness {
  const buckets = (counts: number[]) => ({ buckets: counts.map((count, i) => ({ from: i * 20, to: (i + 1) * 20, count })), unscored: 1 });
  return {
    areaId: null,
    asOf: '2025-01-15',
    schools: 4,
    approvedPlan: figure(planned, 4),
    drilledRecently: figure([fixtureId()], 4),
    taskForcesTrained: figure([], 4),
    flagged: figure([fixtureId()], 4),
    noPlan: figure([], 4),
    overdueDrill: figure([], 4),
    pillarDistribution: {
      hazards: buckets([0, 1, 1, 1, 0]),
      foundation: buckets([0, 0, 1, 1, 1]),
      pillar1: buckets([1, 1, 0, 1, 0]),
      pillar2: buckets([0, 2, 1, 0, 0]),
      pillar3: buckets([3, 0, 0, 0, 0]),
    },
  };
}

function flagged(): FlaggedSchool {
  return {
    schoolId: fixtureId(),
    schoolName: 'GHS Chamoli',
    schoolCode: '05010100101',
    assessmentId: fixtureId(),
    submittedAt: '2025-01-10T10:00:00.000Z',
    priority: 'urgent',
    reasons: [
      { code: 'STRUCTURAL_RED_FLAG', detail: 'RF_LOAD_BEARING_CRACKS' },
      { code: 'LANDSLIDE_HAZARD_HIGH', detail: 'very_high' },
    ],
    pillar1Score: 31.5,
    inspected: false,
  };
}

function priorityList(): PriorityList {
  return {
    budget: 5_000_000,
    method: 'exact',
    totalCost: 4_200_000,
    totalBenefit: 812.4,
    candidates: 7,
    candidatesWithoutEnrolment: 2,
    items: [
      { schoolId: fixtureId(), schoolName: 'GHS Chamoli', schoolCode: null, children: 640, safetyLevel: 'S4', intervention: 'retrofit', cost: 3_000_000, riskReduction: 0.9 },
      { schoolId: fixtureId(), schoolName: 'PS Gopeshwar', schoolCode: null, children: 180, safetyLevel: 'S3', intervention: 'repair', cost: 1_200_000, riskReduction: 1.3 },
    ],
  };
}

describe('readiness dashboard', { timeout: 30_000 }, () => {
  it('shows the figures with their schools, the score distribution, the flagged list, and makes a priority list', async () => {
    const planned = buildSchool({ name: 'ZP School Karanja' });
    const district = buildArea({ level: 'district', name: 'Chamoli' });
    const mock = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      'GET /api/v1/areas': () => page([district]),
      'GET /api/v1/readiness': () => ({ status: 200, body: buildReadiness([planned.id]) }),
      'GET /api/v1/flagged-schools': () => ({ status: 200, body: { items: [flagged()] } }),
      'GET /api/v1/readiness/schools': () => ({ status: 200, body: { items: [readinessSchool({ id: planned.id, name: planned.name, planStatus: 'approved' })], nextCursor: null } }),
      'GET /api/v1/priority-list': () => ({ status: 200, body: priorityList() }),
    });
    renderApp('/readiness');
    expect(await screen.findByRole('heading', { level: 1, name: 'Readiness' }, slow)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Readiness' })).toBeTruthy();
    expect(await screen.findByText('As of Jan 15, 2025', {}, slow)).toBeTruthy();

    const figures = await screen.findByRole('region', { name: 'Key figures' }, slow);
    const term = (label: string) => within(figures).getByText(label, { selector: 'dt' }).parentElement;
    expect(within(term('With an approved safety plan') as HTMLElement).getByText('1')).toBeTruthy();
    expect(within(term('With an approved safety plan') as HTMLElement).getByText('25% of schools')).toBeTruthy();
    fireEvent.click(within(term('With an approved safety plan') as HTMLElement).getByRole('button', { name: /Show the schools/ }));
    const plannedRow = (await within(figures).findByRole('link', { name: 'ZP School Karanja' }, slow)).closest('tr') as HTMLElement;
    expect(within(plannedRow).getByText('Approved')).toBeTruthy();
    expect(mock.find('GET /api/v1/readiness/schools')[0]?.query.get('filter')).toBe('approved-plan');

    const distribution = screen.getByRole('region', { name: 'Score distribution by pillar' });
    expect(within(distribution).getByText('Pillar 2: School Safety and Educational Continuity Management')).toBeTruthy();
    expect(within(distribution).getAllByText('1 school without a score')).toHaveLength(5);

    const list = await screen.findByRole('region', { name: 'Schools flagged for an engineering inspection' });
    const row = (await within(list).findByRole('link', { name: 'GHS Chamoli' }, slow)).closest('tr') as HTMLElement;
    expect(within(row).getByText('Urgent')).toBeTruthy();
    expect(within(row).getByText('Structural warning sign: Visible cracks in load-bearing walls, columns or beams')).toBeTruthy();
    expect(within(row).getByText('Landslide hazard: Very high')).toBeTruthy();
    expect(within(row).getByText('Not yet inspected')).toBeTruthy();

    const priority = screen.getByRole('region', { name: 'Priority list within a budget' });
    fireEvent.change(within(priority).getByLabelText('Budget (₹)'), { target: { value: '50,00,000' } });
    fireEvent.click(within(priority).getByRole('button', { name: 'Make the list' }));
    const chosen = (await within(priority).findByRole('link', { name: 'PS Gopeshwar' }, slow)).closest('tr') as HTMLElement;
    expect(within(chosen).getByText('Repair')).toBeTruthy();
    expect(within(chosen).getByText('₹12,00,000')).toBeTruthy();
    // Schools without an enrolment cannot be weighed: the list says it leaves them out.
    expect(
      within(priority).getByText('2 inspected schools have no enrolment: the children they would make safer are unknown, so they are not in this list.'),
    ).toBeTruthy();
    expect(within(priority).getByText('2 of 7 inspected')).toBeTruthy();
    expect(within(priority).getByText('₹42,00,000')).toBeTruthy();
    expect(within(priority).getByText('812')).toBeTruthy();
    expect(mock.find('GET /api/v1/priority-list')[0]?.query.get('budget')).toBe('5000000');

    // Choosing a district asks for that district's figures and list.
    fireEvent.change(screen.getByLabelText('District'), { target: { value: district.id } });
    await within(screen.getByRole('region', { name: 'Schools flagged for an engineering inspection' })).findByRole('link', { name: 'GHS Chamoli' }, slow);
    expect(mock.find('GET /api/v1/readiness').at(-1)?.query.get('area')).toBe(district.id);
    expect(mock.find('GET /api/v1/flagged-schools').at(-1)?.query.get('area')).toBe(district.id);
  });
});
