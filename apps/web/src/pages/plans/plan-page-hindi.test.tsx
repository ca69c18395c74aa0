import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import i18n from '../../i18n/i18n';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe, buildSchool } from '../../test/fixtures';
import { buildPlan } from './plan-fixtures';

vi.mock('./evacuation-map', () => ({ EvacuationMap: () => <p data-testid="evacuation-map" /> }));

describe('plan page in Hindi', () => {
  it('names the sections and the check problems in Hindi', async () => {
    const plan = buildPlan(buildSchool().id);
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ role: 'school_focal_point', language: 'hi', permissions: ['safety.read', 'safety.write'] }) }),
      [`GET /api/v1/schools/${plan.schoolId}`]: () => ({ status: 200, body: buildSchool({ id: plan.schoolId }) }),
      [`GET /api/v1/schools/${plan.schoolId}/plan`]: () => ({ status: 200, body: plan }),
    });
    await i18n.changeLanguage('hi');
    renderApp(`/schools/${plan.schoolId}/plan`);
    expect(await screen.findByText('विद्यालय आपदा प्रबंधन समिति', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('मसौदा')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'जाँचें' }));
    const problems = await screen.findByRole('region', { name: /समस्याएँ ठीक करें/ });
    expect(within(problems).getAllByText('यह खंड ख़ाली है; भेजने से पहले इसे भरें।').length).toBeGreaterThan(5);
  });
});
