import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildArea, buildMe, buildUser, page } from '../../test/fixtures';

const india = buildArea({ name: 'India', level: 'country' });
const maharashtra = buildArea({ name: 'Maharashtra', level: 'state', parentId: india.id, names: { hi: 'महाराष्ट्र' } });
const existing = buildUser({ name: 'Ravi Teacher', email: 'ravi@example.org' });

function usersApi(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
    'GET /api/v1/users': () => page([existing]),
    'GET /api/v1/areas': (request) => {
      if (request.query.get('level') === 'country') return page([india]);
      if (request.query.get('parent') === india.id) return page([maharashtra]);
      return page([]);
    },
    ...extra,
  });
}

describe('users admin', () => {
  it('invites a user with role, language and scope, then shows the link to copy', async () => {
    const invited = buildUser({ email: 'new.teacher@example.org', name: 'Meena', role: 'district_officer' });
    const api = usersApi({
      'POST /api/v1/users': () => ({
        status: 201,
        body: { user: invited, invitationPath: '/accept-invitation?token=abc123', expiresAt: '2025-02-01T10:00:00Z' },
      }),
    });
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    renderApp('/users');
    await screen.findByRole('heading', { name: 'Invite a user' });
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: ' new.teacher@example.org ' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Meena' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'district_officer' } });
    fireEvent.change(screen.getByLabelText('Language of emails and the app'), { target: { value: 'hi' } });
    fireEvent.change(await screen.findByLabelText('Country'), { target: { value: india.id } });
    fireEvent.change(await screen.findByLabelText('State'), { target: { value: maharashtra.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Add Maharashtra' }));
    expect(screen.getByRole('button', { name: 'Remove Maharashtra' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create invitation' }));

    const link = await screen.findByLabelText('Invitation link');
    expect((link as HTMLInputElement).value).toBe(`${window.location.origin}/accept-invitation?token=abc123`);
    const post = api.find('POST /api/v1/users')[0];
    const { id, ...body } = post?.body as Record<string, unknown>;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body).toEqual({
      email: 'new.teacher@example.org',
      name: 'Meena',
      role: 'district_officer',
      language: 'hi',
      scope: { areaIds: [maharashtra.id], schoolIds: [] },
    });
    expect(post?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(post?.headers['idempotency-key']).toBe(`invite-${String(id)}`);

    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByText('Link copied.');
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/accept-invitation?token=abc123`);
    // The new user is in the table.
    expect(screen.getByRole('rowheader', { name: /Meena/ })).toBeTruthy();
  });

  it('shows a translated error beside the email field when it is taken', async () => {
    usersApi({ 'POST /api/v1/users': () => problem('EMAIL_TAKEN', 409) });
    renderApp('/users');
    await screen.findByRole('heading', { name: 'Invite a user' });
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'ravi@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create invitation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A user with this email address already exists.');
  });

  it('changes a user’s role and status from their row, sending the version', async () => {
    const api = usersApi({
      'PATCH /api/v1/users/:id': () => problem('NOT_FOUND', 404),
      [`PATCH /api/v1/users/${existing.id}`]: (request) => ({
        status: 200,
        body: { ...existing, ...(request.body as object), version: 2 },
      }),
    });
    renderApp('/users');
    const row = (await screen.findByRole('rowheader', { name: /Ravi Teacher/ })).closest('tr');
    if (!row) throw new Error('row not found');
    const save = within(row).getByRole('button', { name: 'Save changes for Ravi Teacher' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(row).getByLabelText('Role of Ravi Teacher'), { target: { value: 'viewer' } });
    fireEvent.change(within(row).getByLabelText('Status of Ravi Teacher'), { target: { value: 'disabled' } });
    fireEvent.click(save);
    await within(row).findByText('Saved.');
    await waitFor(() => expect(api.find(`PATCH /api/v1/users/${existing.id}`)).toHaveLength(1));
    expect(api.find(`PATCH /api/v1/users/${existing.id}`)[0]?.body).toEqual({
      version: 1,
      role: 'viewer',
      status: 'disabled',
    });
  });
});
