import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildArea, buildMe, page } from '../../test/fixtures';
import type { CountrySettings } from './settings-values';

const slow = { timeout: 15_000 };

function settings(overrides: Partial<CountrySettings> = {}): CountrySettings {
  return { countryCode: 'IN', defaultDrillIntervalMonths: 6, drillIntervalMonths: {}, version: 0, updatedAt: null, updatedBy: null, ...overrides };
}

const countries = () => page([buildArea({ level: 'country', name: 'India', codes: { iso3166: 'IN' } }), buildArea({ level: 'country', name: 'Nepal', codes: { iso3166: 'NP' } })]);

describe('country settings', { timeout: 30_000 }, () => {
  it('checks the intervals, saves them with the version read, and says when they were changed', async () => {
    const mock = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['users.manage', 'safety.read', 'safety.approve'] }) }),
      'GET /api/v1/areas': countries,
      'GET /api/v1/countries/IN/settings': () => ({ status: 200, body: settings() }),
      'GET /api/v1/countries/NP/settings': () => ({ status: 200, body: settings({ countryCode: 'NP', defaultDrillIntervalMonths: 4, version: 2, updatedAt: '2025-03-04T10:00:00.000Z' }) }),
      'PUT /api/v1/countries/IN/settings': () => ({ status: 200, body: settings({ drillIntervalMonths: { flood: 3 }, version: 1, updatedAt: '2025-06-01T09:00:00.000Z' }) }),
    });
    renderApp('/countries/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Country settings' }, slow)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Country settings' })).toBeTruthy();
    expect(await screen.findByText(/uses the programme defaults/, {}, slow)).toBeTruthy();
    expect(mock.find('GET /api/v1/areas')[0]?.query.get('level')).toBe('country');

    fireEvent.change(screen.getByLabelText('Flood'), { target: { value: 'three' } });
    fireEvent.change(screen.getByLabelText('Months between drills'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('Enter a whole number of months from 1 to 24.')).toHaveLength(2);
    expect(mock.find('PUT /api/v1/countries/IN/settings')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Flood'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Months between drills'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/^Saved\./, {}, slow)).toBeTruthy();
    const [put] = mock.find('PUT /api/v1/countries/IN/settings');
    expect(put?.body).toEqual({ defaultDrillIntervalMonths: 6, drillIntervalMonths: { flood: 3 }, version: 0 });
    expect(put?.headers['idempotency-key']).toMatch(/^country-settings-/);
    expect(screen.getByText('Last changed on Jun 1, 2025.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    // Another country's own settings, with the version it is at.
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'NP' } });
    expect(await screen.findByText('Last changed on Mar 4, 2025.', {}, slow)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Months between drills').value).toBe('4');
    expect(screen.getByLabelText<HTMLInputElement>('Flood').value).toBe('');
  });

  it('says when someone else saved first and loads their settings', async () => {
    let current = settings({ defaultDrillIntervalMonths: 6, version: 1, updatedAt: '2025-03-04T10:00:00.000Z' });
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: ['users.manage', 'safety.read', 'safety.approve'] }) }),
      'GET /api/v1/areas': countries,
      'GET /api/v1/countries/IN/settings': () => ({ status: 200, body: current }),
      'PUT /api/v1/countries/IN/settings': () => problem('VERSION_CONFLICT', 409),
    });
    renderApp('/countries/settings');
    fireEvent.change(await screen.findByLabelText('Cyclone', {}, slow), { target: { value: '2' } });
    current = settings({ defaultDrillIntervalMonths: 5, drillIntervalMonths: { fire: 12 }, version: 2, updatedAt: '2025-05-05T10:00:00.000Z' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert', {}, slow);
    expect(within(alert).getByText(/Someone else changed this/)).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Load the latest settings' }));
    expect(await screen.findByText('Last changed on May 5, 2025.', {}, slow)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Fire').value).toBe('12');
    expect(screen.getByLabelText<HTMLInputElement>('Cyclone').value).toBe('');
  });

  it('is not offered to a district officer', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ role: 'district_officer', permissions: ['safety.read'] }) }) });
    renderApp('/countries/settings');
    expect(await screen.findByRole('alert', {}, slow)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Country settings' })).toBeNull();
  });
});
