import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import i18n from '../../i18n/i18n';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildMe, buildSchool } from '../../test/fixtures';
import { buildSubmitted, instrument } from './assessment-fixtures';

const slow = { timeout: 15_000 };

function serve(language: 'en' | 'hi' = 'en') {
  const school = buildSchool({ name: 'ZP Primary School Wardha' });
  const assessment = buildSubmitted({ schoolId: school.id });
  mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ language }) }),
    [`GET /api/v1/assessments/${assessment.id}`]: () => ({ status: 200, body: assessment }),
    [`GET /api/v1/instruments/${instrument.id}`]: () => ({ status: 200, body: instrument }),
    [`GET /api/v1/schools/${school.id}`]: () => ({ status: 200, body: school }),
  });
  return assessment;
}

describe('assessment report', { timeout: 30_000 }, () => {
  it('shows the score, band, pillars, red flags, recommendations, triage and ranks', async () => {
    const assessment = serve();
    renderApp(`/assessments/${assessment.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'School safety report' }, slow)).toBeTruthy();
    const overall = screen.getByRole('region', { name: 'Overall' });
    expect(within(overall).getByText('65.2')).toBeTruthy();
    expect(within(overall).getByText('B')).toBeTruthy();
    expect(within(overall).getByText('Good readiness')).toBeTruthy();
    expect(within(overall).getByText(/Provisional/)).toBeTruthy();

    const pillars = screen.getByRole('region', { name: 'Scores by pillar' });
    expect(within(pillars).getByRole('rowheader', { name: 'Pillar 1: Safer Learning Facilities' })).toBeTruthy();
    expect(within(pillars).getByText('45.5')).toBeTruthy();
    expect(within(pillars).getByRole('progressbar', { name: 'Share of Pillar 1: Safer Learning Facilities answered' }).getAttribute('aria-valuenow')).toBe('90');

    expect(within(screen.getByRole('region', { name: 'Structural warning signs' })).getByText('Visible cracks in load-bearing walls, columns or beams')).toBeTruthy();
    const recommendations = screen.getByRole('region', { name: 'Recommendations' });
    const headings = within(recommendations).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Urgent', 'Medium']);
    expect(within(recommendations).getByText(/Ask an engineer to inspect the cracks/)).toBeTruthy();

    const triage = screen.getByRole('region', { name: 'Engineering inspection' });
    expect(within(triage).getByText(/Priority: Urgent/)).toBeTruthy();
    expect(within(triage).getByText('Structural warning sign: Visible cracks in load-bearing walls, columns or beams')).toBeTruthy();
    expect(within(triage).getByText('In seismic zone V')).toBeTruthy();
    expect(within(triage).getByText('Weak Pillar 1 (safer learning facilities) score: 45.5')).toBeTruthy();

    const ranks = screen.getByRole('region', { name: 'Rank' });
    expect(within(ranks).getByText('3rd of 41')).toBeTruthy();
    expect(within(ranks).getByText('12th of 402')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Back to ZP Primary School Wardha' }, slow)).toBeTruthy();
  });

  it('speaks Hindi: pillar names, recommendations and ordinal ranks', async () => {
    const assessment = serve('hi');
    await i18n.changeLanguage('hi');
    renderApp(`/assessments/${assessment.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'विद्यालय सुरक्षा रिपोर्ट' }, slow)).toBeTruthy();
    expect(screen.getByText('स्तंभ 1: सुरक्षित शिक्षण सुविधाएँ')).toBeTruthy();
    expect(screen.getByText(/दरारों की जाँच इंजीनियर से कराएँ/)).toBeTruthy();
    expect(screen.getByText('41 में से 3रा')).toBeTruthy();
  });
});
