import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/mock-api';
import { buildImport, buildMe } from '../../test/fixtures';
import type { ImportListItem, ImportRun } from './types';

// The home page's map needs WebGL, which jsdom lacks.
vi.mock('../home/school-map', () => ({ SchoolMap: () => null }));

const WAIT = { timeout: 4000 };
const officer = buildMe({
  role: 'district_officer',
  permissions: ['registry.read', 'registry.write'],
  scope: { all: false, areas: [], schools: [] },
});
const viewer = buildMe({ role: 'viewer', permissions: ['registry.read'], scope: { all: false, areas: [], schools: [] } });

/** An import as the list gives it. */
function listed(overrides: Partial<ImportRun>): ImportListItem {
  const run = buildImport(overrides);
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    dryRun: run.dryRun,
    fileName: run.fileName,
    counts: run.counts,
    lastCommittedRow: run.lastCommittedRow,
    progress: run.progress,
    error: run.error,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    finishedAt: run.finishedAt,
  };
}

const running = listed({
  fileName: 'wardha.csv',
  status: 'running',
  dryRun: false,
  progress: 0.3,
  createdAt: '2026-12-08T12:00:00.000Z',
});
const interrupted = listed({
  fileName: 'gangtok-schools.csv',
  status: 'interrupted',
  dryRun: false,
  lastCommittedRow: 40_000,
  counts: { rows: 40_000, created: 39_000, updated: 1000, unchanged: 0, rejected: 0 },
  createdAt: '2026-12-08T11:00:00.000Z',
});
const checked = listed({
  fileName: 'namchi.csv',
  status: 'validated',
  dryRun: true,
  counts: { rows: 120, created: 100, updated: 12, unchanged: 8, rejected: 0 },
});
const completed = listed({
  fileName: 'mangan.csv',
  status: 'completed',
  dryRun: false,
  counts: { rows: 1200, created: 1000, updated: 150, unchanged: 50, rejected: 0 },
});
const failed = listed({ fileName: 'broken.xlsx', status: 'failed', dryRun: false });
const abandoned = listed({ fileName: 'soreng.csv', status: 'abandoned', dryRun: false });
const refused = listed({
  fileName: 'pakyong.csv',
  status: 'rejected',
  dryRun: false,
  counts: { rows: 10, created: 0, updated: 0, unchanged: 0, rejected: 3 },
});

function importsApi(me = officer) {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/imports': (request) => {
      if (request.query.get('status') === 'interrupted') return { status: 200, body: { items: [interrupted], nextCursor: null } };
      if (request.query.get('cursor') === 'page-2')
        return { status: 200, body: { items: [abandoned, refused], nextCursor: null } };
      return { status: 200, body: { items: [running, interrupted, checked, completed, failed], nextCursor: 'page-2' } };
    },
  });
}

const rowOf = (fileName: string) =>
  within(screen.getByRole('table')).getByRole('link', { name: fileName }).closest('tr') as HTMLElement;

describe('the list of imports', () => {
  it('lists imports newest first with their status in words, counts and a link to each', async () => {
    importsApi();
    renderApp('/imports');
    await screen.findByRole('table', undefined, WAIT);
    expect(screen.getByRole('heading', { level: 1, name: 'Imports' })).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'wardha.csv',
      'gangtok-schools.csv',
      'namchi.csv',
      'mangan.csv',
      'broken.xlsx',
    ]);
    expect(rowOf('wardha.csv').textContent).toContain('Importing');
    expect(rowOf('namchi.csv').textContent).toContain('Checked, ready');
    expect(rowOf('namchi.csv').textContent).toContain('Check only');
    expect(rowOf('mangan.csv').textContent).toContain('Completed');
    expect(within(rowOf('mangan.csv')).getByText('1,200')).toBeTruthy();
    expect(within(rowOf('mangan.csv')).getByText('Schools')).toBeTruthy();
    expect(rowOf('broken.xlsx').textContent).toContain('Failed');
    expect(within(rowOf('wardha.csv')).getByRole('link').getAttribute('href')).toBe(`/imports/${running.id}`);
    // The nav leads here; the wizard is one button away.
    expect(screen.getByRole('link', { name: 'Imports' }).getAttribute('href')).toBe('/imports');
    expect(screen.getByRole('link', { name: 'New import' }).getAttribute('href')).toBe('/imports/new');
  });

  it('marks an interrupted import and announces it with a link to resume or abandon it', async () => {
    const api = importsApi();
    renderApp('/imports');
    await screen.findByRole('table', undefined, WAIT);
    const row = rowOf('gangtok-schools.csv');
    expect(row.className).toBe('needs-decision');
    expect(within(row).getByText('Interrupted').tagName).toBe('STRONG');
    expect(row.textContent).toContain('Resume it or abandon it');
    expect(within(row).getByText('39,000')).toBeTruthy();
    // Only what its saved batches wrote is known: not the rows of the file nor how many would be refused.
    expect(within(row).getAllByText('—')).toHaveLength(2);

    const notice = await screen.findByText(/One of your imports was interrupted when the server stopped/, undefined, WAIT);
    const link = within(notice.closest('section') as HTMLElement).getByRole('link', { name: 'gangtok-schools.csv' });
    expect(link.getAttribute('href')).toBe(`/imports/${interrupted.id}`);
    const [asked] = api.find('GET /api/v1/imports').filter((r) => r.query.get('status') === 'interrupted');
    expect(asked?.query.get('mine')).toBe('true');
  });

  it('loads more after the last one', async () => {
    const api = importsApi();
    renderApp('/imports');
    await screen.findByRole('link', { name: 'broken.xlsx' }, WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'soreng.csv' }, WAIT);
    expect(rowOf('soreng.csv').textContent).toContain('Abandoned');
    expect(rowOf('pakyong.csv').textContent).toContain('Refused');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(8);
    expect(api.find('GET /api/v1/imports').map((r) => r.query.get('cursor'))).toContain('page-2');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull());
  });

  it('offers a reader neither a new import nor the notice', async () => {
    const api = importsApi(viewer);
    renderApp('/imports');
    await screen.findByRole('link', { name: 'wardha.csv' }, WAIT);
    expect(screen.queryByRole('link', { name: 'New import' })).toBeNull();
    expect(screen.queryByText(/interrupted when the server stopped/)).toBeNull();
    expect(api.find('GET /api/v1/imports').filter((r) => r.query.get('status') === 'interrupted')).toHaveLength(0);
  });

  it('announces interrupted imports on the home page too', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: officer }),
      'GET /api/v1/imports': () => ({
        status: 200,
        body: { items: [interrupted, { ...interrupted, id: abandoned.id, fileName: 'two.csv' }], nextCursor: null },
      }),
    });
    renderApp('/');
    const notice = await screen.findByText(
      '2 of your imports were interrupted when the server stopped. Open each to resume it or abandon it:',
      undefined,
      WAIT,
    );
    const links = within(notice.closest('section') as HTMLElement).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([`/imports/${interrupted.id}`, `/imports/${abandoned.id}`]);
  });
});
