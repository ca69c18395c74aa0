import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem, type Handler } from '../../test/mock-api';
import { buildImport, buildMe } from '../../test/fixtures';
import type { ImportRun } from './types';

// The page of one import, found again from the list after a server's crash: it follows a running import, and
// resumes or abandons an interrupted one.
const WAIT = { timeout: 4000 };
const officer = buildMe({
  role: 'district_officer',
  permissions: ['registry.read', 'registry.write'],
  scope: { all: false, areas: [], schools: [] },
});
const interrupted = buildImport({
  fileName: 'gangtok-schools.csv',
  dryRun: false,
  status: 'interrupted',
  lastCommittedRow: 40_000,
  counts: { rows: 40_000, created: 39_000, updated: 1000, unchanged: 0, rejected: 0 },
  updatedAt: '2026-12-08T10:00:00.000Z',
});
const running: ImportRun = { ...interrupted, status: 'running', progress: 0.7, message: 'Imported row 42000 of 60000' };
const completed: ImportRun = {
  ...interrupted,
  status: 'completed',
  progress: 1,
  counts: { rows: 60_000, created: 59_000, updated: 1000, unchanged: 0, rejected: 0 },
  finishedAt: '2026-12-08T10:05:00.000Z',
};
const path = `/api/v1/imports/${interrupted.id}`;

/** The import's reads answer `reads` in turn, the last one from then on. */
function importApi(reads: ImportRun[], handlers: Record<string, Handler> = {}) {
  const queue = [...reads];
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: officer }),
    [`GET ${path}`]: () => ({ status: 200, body: queue.length > 1 ? queue.shift() : queue[0] }),
    'GET /api/v1/reviews/summary': () => ({ status: 200, body: { total: 0, byKind: {} } }),
    ...handlers,
  });
}

describe('the page of one import', () => {
  it('shows an interrupted import with what was saved, resumes it and follows it to the end', async () => {
    let resumed = false;
    const api = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: officer }),
      [`GET ${path}`]: () => ({ status: 200, body: resumed ? completed : interrupted }),
      [`POST ${path}/resume`]: () => {
        resumed = true;
        return { status: 202, body: running };
      },
      'GET /api/v1/reviews/summary': () => ({ status: 200, body: { total: 0, byKind: {} } }),
    });
    renderApp(`/imports/${interrupted.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'gangtok-schools.csv' }, WAIT)).toBeTruthy();
    expect(screen.getByText('The import was interrupted: the server stopped while it ran.')).toBeTruthy();
    expect(screen.getByText('40,000 rows were saved, up to row 40,000 of the file.')).toBeTruthy();
    expect(screen.getByText('Added').nextSibling?.textContent).toBe('39,000');
    expect(screen.getByText('Import into the registry')).toBeTruthy();
    expect(screen.getByText('Not finished')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All imports' }).getAttribute('href')).toBe('/imports');

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    // Running again: its status and progress, no more choice to make.
    await screen.findByText('Importing…', undefined, WAIT);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('70');
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    const [resume] = api.find(`POST ${path}/resume`);
    expect(resume?.headers['idempotency-key']).toBe(`resume-${interrupted.id}-${interrupted.updatedAt}`);
    expect(resume?.headers['x-csrf-token']).toBe('csrf-test-token');

    await screen.findByText('The import is finished.', undefined, WAIT);
    expect(screen.getByText('Added').nextSibling?.textContent).toBe('59,000');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(api.find(`POST ${path}/abandon`)).toHaveLength(0);
  });

  it('abandons an interrupted import on request, keeping what was saved', async () => {
    const abandoned: ImportRun = { ...interrupted, status: 'abandoned', finishedAt: '2026-12-08T10:05:00.000Z' };
    const api = importApi([interrupted], { [`POST ${path}/abandon`]: () => ({ status: 200, body: abandoned }) });
    renderApp(`/imports/${interrupted.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Abandon' }, WAIT));
    await screen.findByText('The import was abandoned. What was saved before the interruption stays.', undefined, WAIT);
    expect(api.find(`POST ${path}/abandon`)[0]?.headers['idempotency-key']).toBe(
      `abandon-${interrupted.id}-${interrupted.updatedAt}`,
    );
    expect(screen.getByText('Added').nextSibling?.textContent).toBe('39,000');
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(api.find(`POST ${path}/resume`)).toHaveLength(0);
  });

  it('reads a running import again until it has finished', async () => {
    const api = importApi([running, { ...running, progress: 0.9 }, completed]);
    renderApp(`/imports/${interrupted.id}`);
    await screen.findByText('Importing…', undefined, WAIT);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    await screen.findByText('The import is finished.', undefined, { timeout: 6000 });
    expect(screen.getByText('Added').nextSibling?.textContent).toBe('59,000');
    await waitFor(() => expect(api.find(`GET ${path}`)).toHaveLength(3));
  });

  it('says so when the import is not there or not the user’s', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: officer }),
      [`GET ${path}`]: () => problem('NOT_FOUND', 404),
    });
    renderApp(`/imports/${interrupted.id}`);
    expect(await screen.findByRole('heading', { name: 'Import not found' }, WAIT)).toBeTruthy();
  });
});
