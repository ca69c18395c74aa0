import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe, fixtureId } from '../../test/fixtures';
import type { PlanSummary } from './types';

const officer = buildMe({ role: 'district_officer', permissions: ['registry.read', 'safety.read', 'safety.approve'] });
const slow = { timeout: 10_000 };

function summary(overrides: Partial<PlanSummary>): PlanSummary {
  return {
    id: fixtureId(),
    version: 1,
    schoolId: fixtureId(),
    schoolName: 'School',
    schoolCode: null,
    planVersion: 1,
    status: 'draft',
    lastApprovedOn: null,
    reviewDueOn: null,
    reviewOverdue: false,
    sectionsNeedingUpdate: [],
    updatedAt: '2025-01-15T10:00:00.000Z',
    ...overrides,
  };
}

describe('plans list', () => {
  it('puts submitted plans first, shows overdue reviews and filters them on the server', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: officer }),
      'GET /api/v1/plans': () => ({
        status: 200,
        body: {
          items: [
            summary({ schoolName: 'Approved school', status: 'approved', reviewDueOn: '2024-12-01', reviewOverdue: true }),
            summary({ schoolName: 'Draft school' }),
            summary({ schoolName: 'Waiting school', status: 'submitted' }),
          ],
          nextCursor: null,
        },
      }),
    });
    renderApp('/plans');
    const table = await screen.findByRole('table', {}, slow);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['Waiting school', 'Approved school', 'Draft school']);
    expect(within(rows[1] as HTMLElement).getByText('Overdue', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Plans' })).toBeTruthy();

    fireEvent.click(screen.getByLabelText('Only plans with an overdue review'));
    await waitFor(() => expect(api.find('GET /api/v1/plans').some((r) => r.query.get('reviewOverdue') === 'true')).toBe(true), slow);
  });
});
