import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem, type Handler } from '../../test/mock-api';
import { buildEvent, buildMe, figure, page } from '../../test/fixtures';

// MapLibre needs WebGL, which jsdom lacks.
vi.mock('./hazard-map', () => ({ HazardMap: () => <p data-testid="hazard-map" /> }));

const WAIT = { timeout: 4000 };
const writer = buildMe({ role: 'programme_manager', permissions: ['registry.read', 'events.read', 'events.write'] });
const reader = buildMe({ role: 'viewer', permissions: ['registry.read', 'events.read'] });

const fani = buildEvent({
  kind: 'cyclone',
  title: 'Cyclone FANI',
  status: 'actual',
  imt: 'WIND',
  onset: '2019-05-03T02:30:00.000Z',
  totals: { schools: 1234, children: figure(56789, 1200, 34), girls: figure(28000, 1200, 34), boys: figure(28789, 1200, 34), expectedByDamageState: [] },
});
const cancelled = buildEvent({ kind: 'cap', title: 'Severe thunderstorm warning', status: 'cancelled', onset: null });

function eventsApi(me = writer, post: Handler = () => ({ status: 201, body: fani })) {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/events': () => page([fani, cancelled]),
    'POST /api/v1/events': post,
    [`GET /api/v1/events/${fani.id}`]: () => ({ status: 200, body: fani }),
    [`GET /api/v1/events/${fani.id}/impact`]: () => ({
      status: 200,
      body: { event: fani, totals: fani.totals, areas: [], schools: { items: [], nextCursor: null } },
    }),
  });
}

function entries(form: FormData | undefined): [string, string][] {
  return [...(form?.entries() ?? [])].map(([name, value]) => [name, typeof value === 'string' ? value : `file:${value.name}`]);
}

describe('events list', () => {
  it('lists events in the server’s order with their kind, status, onset and totals, linked to their pages', async () => {
    eventsApi(reader);
    renderApp('/events');
    const link = await screen.findByRole('link', { name: 'Cyclone FANI' }, WAIT);
    expect(link.getAttribute('href')).toBe(`/events/${fani.id}`);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Cyclone FANI', 'Severe thunderstorm warning']);
    const [first, second] = rows;
    expect(within(first!).getByText('Cyclone track')).toBeTruthy();
    expect(within(first!).getByText('Actual')).toBeTruthy();
    expect(within(first!).getByText('1,234')).toBeTruthy();
    expect(within(first!).getByText('56,789')).toBeTruthy();
    expect(within(first!).getByText('34 schools without an enrolment')).toBeTruthy();
    expect(within(first!).getByText(/2019/)).toBeTruthy();
    expect(within(second!).getByText('Cancelled').tagName).toBe('STRONG');
    expect(within(second!).getByText('Alert (CAP)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Events' }).getAttribute('href')).toBe('/events');
    // A viewer may read events but not add them.
    expect(screen.queryByRole('heading', { name: 'Add an event' })).toBeNull();
    expect(screen.queryByLabelText('Hazard file')).toBeNull();
  });

  it('marks an estimated earthquake event in the list and on its page', async () => {
    const estimate = buildEvent({ kind: 'estimate', estimated: true, title: 'M 6.2 – 8 km E of Gangtok, India', status: 'actual' });
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: reader }),
      'GET /api/v1/events': () => page([estimate, cancelled]),
      [`GET /api/v1/events/${estimate.id}`]: () => ({ status: 200, body: estimate }),
      [`GET /api/v1/events/${estimate.id}/impact`]: () => ({ status: 200, body: { event: estimate, totals: estimate.totals, areas: [], schools: { items: [], nextCursor: null } } }),
    });
    renderApp('/events');
    const link = await screen.findByRole('link', { name: estimate.title }, WAIT);
    const [first, second] = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(within(first!).getByText('Earthquake (estimated)')).toBeTruthy();
    expect(within(first!).getByText('Estimated')).toBeTruthy();
    expect(within(second!).queryByText('Estimated')).toBeNull();
    fireEvent.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: estimate.title }, WAIT)).toBeTruthy();
    expect(await screen.findByText('Estimated', {}, WAIT)).toBeTruthy();
  });

  it('uploads a hazard file as multipart, the filled-in fields before the file, and opens the new event', async () => {
    const api = eventsApi();
    const { router } = renderApp('/events');
    const file = new File(['<grid/>'], 'fani.geojson', { type: 'application/geo+json' });
    const form = await screen.findByRole('form', { name: 'From a hazard file' }, WAIT);
    fireEvent.change(within(form).getByLabelText('Hazard file'), { target: { files: [file] } });
    fireEvent.change(within(form).getByLabelText('Title (optional)'), { target: { value: ' Fani 2019 ' } });
    fireEvent.change(within(form).getByLabelText('Storm (optional)'), { target: { value: 'FANI' } });
    fireEvent.change(within(form).getByLabelText('Intensity property (optional)'), { target: { value: '  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the event' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/events/${fani.id}`), WAIT);
    const post = api.find('POST /api/v1/events')[0];
    expect(entries(post?.form)).toEqual([
      ['title', 'Fani 2019'],
      ['track', 'FANI'],
      ['file', 'file:fani.geojson'],
    ]);
    expect(post?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cyclone FANI' }, WAIT)).toBeTruthy();
  });

  it('posts a scenario as JSON and opens the new event', async () => {
    const scenario = buildEvent({ kind: 'scenario', title: 'M 7.5 near Gangtok' });
    const api = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: writer }),
      'GET /api/v1/events': () => page([]),
      'POST /api/v1/events': () => ({ status: 201, body: scenario }),
      [`GET /api/v1/events/${scenario.id}`]: () => ({ status: 200, body: scenario }),
    });
    const { router } = renderApp('/events');
    expect(await screen.findByText('No events yet.', {}, WAIT)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'An earthquake scenario' });
    fireEvent.change(within(form).getByLabelText('Epicentre longitude'), { target: { value: '88.6' } });
    fireEvent.change(within(form).getByLabelText('Epicentre latitude'), { target: { value: '27.3' } });
    fireEvent.change(within(form).getByLabelText('Depth (km)'), { target: { value: '15' } });
    fireEvent.change(within(form).getByLabelText('Magnitude'), { target: { value: '7.5' } });
    fireEvent.change(within(form).getByLabelText('Title (optional)'), { target: { value: 'M 7.5 near Gangtok' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Compute the scenario' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/events/${scenario.id}`), WAIT);
    const post = api.find('POST /api/v1/events')[0];
    expect(post?.form).toBeUndefined();
    expect(post?.body).toEqual({ kind: 'scenario', lon: 88.6, lat: 27.3, depthKm: 15, magnitude: 7.5, title: 'M 7.5 near Gangtok' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-test-token');
  });

  it('shows a refused hazard file as a translated error and stays on the list', async () => {
    eventsApi(writer, () => problem('HAZARD_FILE_UNSUPPORTED', 415));
    const { router } = renderApp('/events');
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    fireEvent.change(await screen.findByLabelText('Hazard file', {}, WAIT), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the event' }));
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert.textContent).toContain('This kind of hazard file is not supported.');
    expect(router.state.location.pathname).toBe('/events');
    expect(screen.getByRole('button', { name: 'Add the event' })).toHaveProperty('disabled', false);
  });

  it('says which CAP rule a refused alert broke, translated from the reader’s code', async () => {
    const message = 'This CAP Update has no <references>, so it names no earlier message that it updates.';
    eventsApi(writer, () => problem('HAZARD_FILE_INVALID', 422, [{ path: 'file', message, code: 'CAP_REFERENCES_MISSING' }]));
    renderApp('/events');
    const file = new File(['<alert/>'], 'update.xml', { type: 'application/xml' });
    fireEvent.change(await screen.findByLabelText('Hazard file', {}, WAIT), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the event' }));
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert.textContent).toContain('The hazard file could not be read.');
    expect(alert.textContent).toContain('does not say which earlier alert it refers to');
    expect(alert.textContent).toContain(message);
  });
});
