import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem, type Handler } from '../../test/mock-api';
import { buildImport, buildMe } from '../../test/fixtures';

const columns = ['schcd', 'schname', 'lat', 'lon', 'y', 'x'];
const dryRun = buildImport({
  status: 'rejected',
  columns,
  mapping: { school_id_govt: 'schcd', school_name: 'schname', latitude: 'lat', longitude: 'lon' },
  counts: { rows: 1200, created: 1000, updated: 150, unchanged: 40, rejected: 10 },
  errors: [
    { row: 7, column: 'schcd', severity: 'error', code: 'DUPLICATE_CODE', message: 'Duplicate code.', value: '27100100101' },
    { row: 9, column: 'lat', severity: 'error', code: 'SOMETHING_NEW', message: 'A new kind of problem.', value: 'abc' },
    { row: 11, column: null, severity: 'error', code: 'OUTSIDE_SCOPE', message: 'Outside your area (server text).', value: '11020100101' },
  ],
  errorsTotal: 10,
});

function importApi(post: Handler, extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/v1/auth/me': () => ({
      status: 200,
      body: buildMe({ permissions: ['registry.read', 'registry.write'], scope: { all: true, areas: [], schools: [] } }),
    }),
    'POST /api/v1/imports': post,
    ...extra,
  });
}

function entries(form: FormData | undefined): [string, string][] {
  return [...(form?.entries() ?? [])].map(([name, value]) => [name, typeof value === 'string' ? value : `file:${value.name}`]);
}

async function chooseFileAndCheck() {
  renderApp('/imports/new');
  await screen.findByRole('heading', { name: 'Step 1: Check the file' });
  const file = new File(['schcd,schname\n1,A\n'], 'schools.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
}

describe('import wizard', () => {
  it('sends the file as multipart, kind first and file last, with the CSRF token, then shows what the check found', async () => {
    const api = importApi(() => ({ status: 202, body: dryRun }));
    await chooseFileAndCheck();

    expect(await screen.findByRole('combobox', { name: 'School code (UDISE+)' })).toHaveProperty('value', 'schcd');
    const post = api.find('POST /api/v1/imports')[0];
    expect(post?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(entries(post?.form)).toEqual([
      ['kind', 'schools'],
      ['dryRun', 'true'],
      ['validRowsOnly', 'false'],
      ['options', '{}'],
      ['file', 'file:schools.csv'],
    ]);

    // Columns, mapping (with fields the server did not map), counts and problems.
    expect(screen.getByRole('combobox', { name: 'Latitude' })).toHaveProperty('value', 'lat');
    expect(screen.getByRole('combobox', { name: 'Village' })).toHaveProperty('value', '');
    expect(screen.getAllByRole('option', { name: '(not in file)' }).length).toBeGreaterThan(0);
    expect(screen.getByText('1,200')).toBeTruthy();
    expect(screen.getByText('Would be rejected')).toBeTruthy();
    const problems = screen.getByRole('table', { name: 'Problems by row' });
    expect(within(problems).getByText('This school code appears more than once.')).toBeTruthy();
    expect(within(problems).getByText('A new kind of problem.')).toBeTruthy();
    expect(within(problems).getByText('27100100101')).toBeTruthy();
    // A row of a school outside the importer's area, in the person's language rather than the server's words.
    expect(within(problems).getByText(/^Outside your area: this row would create, change or move a school/)).toBeTruthy();
    expect(screen.getByText('Showing the first 3 of 10 problems.')).toBeTruthy();
    const step1 = screen.getByRole('region', { name: 'Step 1: Check the file' });
    expect(within(step1).getByRole('status').textContent).toContain('Some rows have problems.');

    // A rejected check can be imported only when the user accepts to leave out the bad rows.
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Import the valid rows only' }));
    expect(importButton).toHaveProperty('disabled', false);
  });

  it('checks again with the edited mapping, reusing the uploaded file', async () => {
    const second = buildImport({ ...dryRun, id: buildImport().id, status: 'validated', errors: [], errorsTotal: 0 });
    let calls = 0;
    const api = importApi(() => {
      calls += 1;
      return { status: 202, body: calls === 1 ? dryRun : second };
    });
    await chooseFileAndCheck();

    fireEvent.change(await screen.findByRole('combobox', { name: 'Latitude' }), { target: { value: 'y' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Longitude' }), { target: { value: 'x' } });
    expect(screen.getByText('You changed the columns: check the file again before importing.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));

    await screen.findByText('The file has no problems and is ready to import.');
    const recheck = api.find('POST /api/v1/imports')[1];
    const fields = entries(recheck?.form);
    expect(fields.map(([name]) => name)).toEqual(['kind', 'mapping', 'dryRun', 'validRowsOnly', 'options', 'fromImport']);
    expect(JSON.parse(fields[1]?.[1] ?? '')).toEqual({
      school_id_govt: 'schcd',
      school_name: 'schname',
      latitude: 'y',
      longitude: 'x',
    });
    expect(fields[2]).toEqual(['dryRun', 'true']);
    expect(fields[5]).toEqual(['fromImport', dryRun.id]);
    expect(recheck?.headers['x-csrf-token']).toBe('csrf-test-token');
  });

  it('imports a checked file, showing progress and then the result', async () => {
    const checked = buildImport({ ...dryRun, status: 'validated', errors: [], errorsTotal: 0 });
    const running = buildImport({ dryRun: false, status: 'running', progress: 0.5, mapping: checked.mapping });
    const done = { ...running, status: 'completed' as const, progress: 1, counts: { rows: 1200, created: 1010, updated: 150, unchanged: 40, rejected: 0 } };
    // The poll answers "completed" only once the test has seen the progress bar at 50 %.
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const api = importApi(
      (request) => ({ status: 202, body: request.form?.get('dryRun') === 'true' ? checked : running }),
      {
        [`GET /api/v1/imports/${running.id}`]: async () => {
          await finished;
          return { status: 200, body: done };
        },
        'GET /api/v1/reviews/summary': () => ({
          status: 200,
          body: { total: 3, byKind: { outside_declared_area: 2, unknown_area_code: 0, area_name_mismatch: 0, no_location: 1, outside_any_area: 0 } },
        }),
      },
    );
    await chooseFileAndCheck();
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' }, { timeout: 4000 });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('50'), { timeout: 4000 });
    expect(screen.getByText('Importing…')).toBeTruthy();
    const post = api.find('POST /api/v1/imports')[1];
    expect(entries(post?.form)).toEqual([
      ['kind', 'schools'],
      ['mapping', JSON.stringify(checked.mapping)],
      ['dryRun', 'false'],
      ['validRowsOnly', 'false'],
      ['options', '{}'],
      ['fromImport', checked.id],
    ]);

    finish();
    await screen.findByRole('heading', { name: 'Result' }, { timeout: 4000 });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('The import is finished.')).toBeTruthy();
    expect(screen.getByText('1,010')).toBeTruthy();
    expect(api.find(`GET /api/v1/imports/${running.id}`)).toHaveLength(1);
    // The placements it could not settle are one link away, filtered by this import.
    expect(await screen.findByText(/3 schools need a placement review\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Review the placements' }).getAttribute('href')).toBe(`/reviews?import=${running.id}`);
    expect(api.find('GET /api/v1/reviews/summary')[0]?.query.get('import')).toBe(running.id);
  });

  it('shows a refused upload as a translated error', async () => {
    importApi(() => problem('FILE_TYPE_NOT_ALLOWED', 415));
    await chooseFileAndCheck();
    expect((await screen.findByRole('alert')).textContent).toContain('This type of file is not allowed.');
  });

  it('offers boundaries and crosswalk imports to administrators only', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({
        status: 200,
        body: buildMe({ role: 'district_officer', permissions: ['registry.read', 'registry.write'], scope: { all: false, areas: [], schools: [] } }),
      }),
    });
    renderApp('/imports/new');
    const kind = await screen.findByRole('combobox', { name: 'What the file contains' });
    expect(within(kind).getAllByRole('option').map((o) => o.textContent)).toEqual(['Schools']);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Imports' }).getAttribute('href')).toBe('/imports'));
  });
});
