import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe, figure } from '../../test/fixtures';

// MapLibre needs WebGL, which jsdom lacks.
vi.mock('./school-map', () => ({ SchoolMap: () => null }));

const summary = {
  schools: 12345,
  children: figure(2345678, 12000, 345),
  plans: 1,
  plansApproved: 0,
  drills: 40,
  drillsLastSixMonths: 7,
  areas: 3,
};

function cardValue(label: string): string | null | undefined {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.parentElement?.querySelector('.stat-value')?.textContent;
}

function cardDetail(label: string): string | null | undefined {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.parentElement?.querySelector('.stat-detail')?.textContent;
}

describe('home dashboard', () => {
  it('renders the counts from the API, labelled and formatted for the language', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: [] }) }),
      'GET /api/v1/dashboard': () => ({ status: 200, body: summary }),
    });
    renderApp('/');
    await screen.findByText('Schools', { selector: 'dt' });
    expect(cardValue('Schools')).toBe('12,345');
    expect(cardValue('Children enrolled')).toBe('2,345,678');
    expect(cardDetail('Children enrolled')).toBe('in 12,000 schools with an enrolment; 345 schools without one');
    expect(cardValue('Safety plan')).toBe('1');
    expect(cardValue('Mock drills')).toBe('40');
    expect(cardValue('Areas')).toBe('3');
    expect(screen.getByText('0 approved')).toBeTruthy();
    expect(screen.getByText('7 in the last six months')).toBeTruthy();
    // No users.manage permission: no Users link.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Users' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'hi' } });
    await screen.findByText('नामांकित बच्चे', { selector: 'dt' });
    expect(cardValue('नामांकित बच्चे')).toBe('23,45,678');
    expect(cardDetail('नामांकित बच्चे')).toBe('नामांकन वाले 12,000 विद्यालयों में; नामांकन के बिना 345 विद्यालय');
    expect(screen.getByText('पिछले छह महीनों में 7')).toBeTruthy();
  });

  it('says the enrolment is unknown, not 0, when no school has one (the demo registry)', async () => {
    const unknown = { ...summary, schools: 991, children: figure(null, 0, 991) };
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ permissions: [] }) }),
      'GET /api/v1/dashboard': () => ({ status: 200, body: unknown }),
    });
    renderApp('/');
    await screen.findByText('Children enrolled', { selector: 'dt' });
    expect(cardValue('Children enrolled')).toBe('Enrolment unknown');
    expect(cardDetail('Children enrolled')).toBe('991 schools without an enrolment');
    expect(screen.queryByText('0', { selector: '.stat-value' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'hi' } });
    await screen.findByText('नामांकित बच्चे', { selector: 'dt' });
    expect(cardValue('नामांकित बच्चे')).toBe('नामांकन अज्ञात');
    expect(cardDetail('नामांकित बच्चे')).toBe('नामांकन के बिना 991 विद्यालय');

    fireEvent.change(screen.getByLabelText('भाषा'), { target: { value: 'ja' } });
    await screen.findByText('在籍児童・生徒', { selector: 'dt' });
    expect(cardValue('在籍児童・生徒')).toBe('在籍者数不明');
    expect(cardDetail('在籍児童・生徒')).toBe('在籍者数のない学校 991 校');
  });

  it('announces a translated error with a retry button', async () => {
    let calls = 0;
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      'GET /api/v1/dashboard': () => {
        calls += 1;
        return calls === 1
          ? { status: 503, body: { type: 'about:blank', title: 'x', status: 503, code: 'SHUTTING_DOWN' } }
          : { status: 200, body: summary };
      },
    });
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The server is restarting.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('12,345')).toBeTruthy();
  });
});
