import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildArea, buildMe, buildUser, page } from '../../test/fixtures';

const india = buildArea({ name: 'India', level: 'country' });
const existing = buildUser({ name: 'Ravi Teacher', email: 'ravi@example.org' });

function usersApi(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
    'GET /api/v1/users': () => page([existing]),
    'GET /api/v1/areas': (request) => (request.query.get('level') === 'country' ? page([india]) : page([])),
    ...extra,
  });
}

describe('users admin: e-mailed invitations, phones and channels', () => {
  it('says the invitation was e-mailed, and keeps the link behind "Show the link anyway"', async () => {
    const invited = buildUser({ email: 'new.teacher@example.org', name: 'Meena', role: 'administrator' });
    usersApi({
      'POST /api/v1/users': () => ({
        status: 201,
        body: { user: invited, invitationPath: '/accept-invitation?token=abc123', expiresAt: '2025-02-01T10:00:00Z', emailed: true },
      }),
    });
    renderApp('/users');
    await screen.findByRole('heading', { name: 'Invite a user' });
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'new.teacher@example.org' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'administrator' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create invitation' }));
    expect((await screen.findByText(/was e-mailed to/)).textContent).toBe(
      'The invitation was e-mailed to new.teacher@example.org. They will choose their own password.',
    );
    expect(screen.getByText('Show the link anyway').closest('details')?.open).toBe(false);
  });

  it('sets a user\u2019s phone and channels from their row', async () => {
    const api = usersApi({
      [`PATCH /api/v1/users/${existing.id}`]: (request) => ({
        status: 200,
        body: { ...existing, ...(request.body as object), phone: '+919830012345', version: 2 },
      }),
    });
    renderApp('/users');
    const row = (await screen.findByRole('rowheader', { name: /Ravi Teacher/ })).closest('tr');
    if (!row) throw new Error('row not found');
    const sms = within(row).getByRole<HTMLInputElement>('checkbox', { name: /SMS/ });
    expect(sms.disabled).toBe(true);
    fireEvent.change(within(row).getByLabelText('Phone of Ravi Teacher'), { target: { value: '98300 12345' } });
    fireEvent.click(sms);
    fireEvent.click(within(row).getByRole('button', { name: 'Move SMS up' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Save changes for Ravi Teacher' }));
    await within(row).findByText('Saved.');
    expect(api.find(`PATCH /api/v1/users/${existing.id}`)[0]?.body).toEqual({ version: 1, phone: '98300 12345', channels: ['sms', 'email'] });
    expect(within(row).getByLabelText<HTMLInputElement>('Phone of Ravi Teacher').value).toBe('+919830012345');
  });

  it('shows CHANNEL_NEEDS_ADDRESS translated', async () => {
    usersApi({ [`PATCH /api/v1/users/${existing.id}`]: () => problem('CHANNEL_NEEDS_ADDRESS', 400) });
    renderApp('/users');
    const row = (await screen.findByRole('rowheader', { name: /Ravi Teacher/ })).closest('tr');
    if (!row) throw new Error('row not found');
    fireEvent.change(within(row).getByLabelText('Phone of Ravi Teacher'), { target: { value: '98300 12345' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save changes for Ravi Teacher' }));
    await waitFor(() => expect(within(row).getByRole('alert').textContent).toBe('SMS and WhatsApp need a phone number.'));
  });
});
