import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe, fixtureId } from '../../test/fixtures';

const officer = buildMe({ role: 'district_officer', permissions: ['registry.read', 'safety.read', 'safety.approve'] });
const slow = { timeout: 10_000 };

describe('drills due', () => {
  it('lists overdue drills per school and can show every school', async () => {
    const schoolId = fixtureId();
    const api = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: officer }),
      'GET /api/v1/drills/due': () => ({
        status: 200,
        body: {
          items: [
            {
              schoolId,
              schoolName: 'Mangshilla SSS',
              schoolCode: null,
              hazardsFrom: 'plan',
              drills: [{ hazard: 'earthquake', lastDrillOn: '2024-03-01', dueOn: '2024-09-01', overdue: true }],
            },
          ],
          nextCursor: null,
        },
      }),
    });
    renderApp('/drills/due');
    const school = await screen.findByRole('region', { name: 'Mangshilla SSS' }, slow);
    expect(within(school).getByRole('link', { name: 'Mangshilla SSS' }).getAttribute('href')).toBe(`/schools/${schoolId}/drills`);
    expect(within(school).getByText(/^Earthquake: due/)).toBeTruthy();
    expect(within(school).getByText('Overdue', { exact: false })).toBeTruthy();
    expect(api.find('GET /api/v1/drills/due')[0]?.query.get('overdueOnly')).toBe('true');
    fireEvent.click(screen.getByLabelText('Only schools with an overdue drill'));
    await waitFor(() => expect(api.find('GET /api/v1/drills/due').some((r) => !r.query.has('overdueOnly'))).toBe(true), slow);
  });
});
