import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, type Handler } from '../../test/mock-api';
import { buildImport, buildMe } from '../../test/fixtures';
import type { ImportRun } from './types';

// The server running an import was killed: the wizard, still polling, shows the import interrupted with what its
// saved batches wrote, and lets its author resume it or abandon it.
const mapping = { school_id_govt: 'schcd', school_name: 'schname' };
const checked = buildImport({
  status: 'validated',
  columns: ['schcd', 'schname'],
  mapping,
  counts: { rows: 120, created: 100, updated: 12, unchanged: 8, rejected: 0 },
});
const running = buildImport({ dryRun: false, status: 'running', progress: 0.4, mapping });
const interrupted: ImportRun = {
  ...running,
  status: 'interrupted',
  progress: null,
  lastCommittedRow: 50,
  counts: { rows: 50, created: 40, updated: 6, unchanged: 4, rejected: 0 },
  updatedAt: '2026-12-08T10:00:00.000Z',
};

/** The wizard up to an interrupted import; `settle` sets what the import's reads answer once the user has decided. */
async function interruptedImport(handlers: (settle: (run: ImportRun) => void) => Record<string, Handler>) {
  let latest: ImportRun = interrupted;
  const api = mockApi({
    'GET /api/v1/auth/me': () => ({
      status: 200,
      body: buildMe({ permissions: ['registry.read', 'registry.write'], scope: { all: true, areas: [], schools: [] } }),
    }),
    'POST /api/v1/imports': (request) => ({ status: 202, body: request.form?.get('dryRun') === 'true' ? checked : running }),
    [`GET /api/v1/imports/${running.id}`]: () => ({ status: 200, body: latest }),
    'GET /api/v1/reviews/summary': () => ({ status: 200, body: { total: 0, byKind: {} } }),
    ...handlers((run) => (latest = run)),
  });
  renderApp('/imports/new');
  await screen.findByRole('heading', { name: 'Step 1: Check the file' });
  fireEvent.change(screen.getByLabelText('File'), {
    target: { files: [new File(['schcd,schname\n'], 'schools.csv', { type: 'text/csv' })] },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
  await screen.findByRole('heading', { name: 'Interrupted' }, { timeout: 15_000 });
  const step2 = screen.getByRole('region', { name: 'Step 2: Import' });
  return { api, step2 };
}

// The waits follow the page's polling of the import, which a busy machine (CI runs test files side by side) slows.
describe('an interrupted import', { timeout: 40_000 }, () => {
  it('shows what was saved, and resumes it under a key of this interruption', async () => {
    const queued: ImportRun = { ...interrupted, status: 'queued', progress: 0, message: 'Resuming after row 50.' };
    const done: ImportRun = {
      ...interrupted,
      status: 'completed',
      progress: 1,
      counts: { rows: 120, created: 100, updated: 12, unchanged: 8, rejected: 0 },
    };
    const { api, step2 } = await interruptedImport((settle) => ({
      [`POST /api/v1/imports/${running.id}/resume`]: () => {
        settle(done);
        return { status: 202, body: queued };
      },
    }));

    expect(within(step2).getByText('The import was interrupted: the server stopped while it ran.')).toBeTruthy();
    expect(within(step2).getByText('50 rows were saved, up to row 50 of the file.')).toBeTruthy();
    expect(within(step2).getByText('Added').nextSibling?.textContent).toBe('40');
    expect(within(step2).getByText('Updated').nextSibling?.textContent).toBe('6');
    // Only what was written is known: not how many rows the file has, nor how many would be refused.
    expect(within(step2).queryByText('Rows in the file')).toBeNull();
    expect(within(step2).getByRole('button', { name: 'Abandon' })).toBeTruthy();

    fireEvent.click(within(step2).getByRole('button', { name: 'Resume' }));
    await within(step2).findByText('The import is finished.', undefined, { timeout: 15_000 });
    const [resume] = api.find(`POST /api/v1/imports/${running.id}/resume`);
    expect(resume?.headers['idempotency-key']).toBe(`resume-${running.id}-${interrupted.updatedAt}`);
    expect(resume?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(within(step2).getByText('120')).toBeTruthy();
    expect(within(step2).queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(api.find(`POST /api/v1/imports/${running.id}/abandon`)).toHaveLength(0);
  });

  it('is abandoned on request, keeping what was saved', async () => {
    const abandoned: ImportRun = {
      ...interrupted,
      status: 'abandoned',
      message: 'Abandoned. The 50 rows written before the interruption stay.',
    };
    const { api, step2 } = await interruptedImport(() => ({
      [`POST /api/v1/imports/${running.id}/abandon`]: () => ({ status: 200, body: abandoned }),
    }));

    fireEvent.click(within(step2).getByRole('button', { name: 'Abandon' }));
    await within(step2).findByText('The import was abandoned. What was saved before the interruption stays.', undefined, {
      timeout: 15_000,
    });
    expect(api.find(`POST /api/v1/imports/${running.id}/abandon`)[0]?.headers['idempotency-key']).toBe(
      `abandon-${running.id}-${interrupted.updatedAt}`,
    );
    expect(within(step2).getByText('Added').nextSibling?.textContent).toBe('40');
    expect(within(step2).queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(within(step2).getByRole('button', { name: 'Import another file' })).toBeTruthy();
    expect(api.find(`POST /api/v1/imports/${running.id}/resume`)).toHaveLength(0);
  });
});
