import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildMe } from '../../test/fixtures';

vi.mock('../home/school-map', () => ({ SchoolMap: () => null }));

const token = 'tok_0123456789abcdefghijklmnop';

function fill(name: string, password: string, confirm: string) {
  fireEvent.change(screen.getByLabelText('Your name'), { target: { value: name } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: confirm } });
  fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));
}

describe('accept invitation page', () => {
  it('checks the password locally before sending anything', async () => {
    const api = mockApi({ 'GET /api/v1/auth/me': () => problem('AUTH_REQUIRED', 401) });
    renderApp(`/accept-invitation?token=${token}`);
    await screen.findByRole('heading', { name: 'Accept your invitation' });
    fill('Meena', 'short', 'short');
    expect((await screen.findByRole('alert')).textContent).toBe('The password must have at least 12 characters.');
    expect(api.find('POST /api/v1/auth/invitations/accept')).toHaveLength(0);
  });

  it('accepts with token, name and password, then signs the user in', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => problem('AUTH_REQUIRED', 401),
      'POST /api/v1/auth/invitations/accept': () => ({ status: 200, body: buildMe({ name: 'Meena', permissions: [] }) }),
      'GET /api/v1/dashboard': () => problem('INTERNAL', 500),
    });
    const { router } = renderApp(`/accept-invitation?token=${token}`);
    await screen.findByRole('heading', { name: 'Accept your invitation' });
    fill(' Meena ', 'a long enough passphrase', 'a long enough passphrase');
    await screen.findByRole('heading', { name: 'Home', level: 1 });
    expect(router.state.location.pathname).toBe('/');
    expect(api.find('POST /api/v1/auth/invitations/accept')[0]?.body).toEqual({
      token,
      name: 'Meena',
      password: 'a long enough passphrase',
    });
  });

  it('explains an expired link', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => problem('AUTH_REQUIRED', 401),
      'POST /api/v1/auth/invitations/accept': () => problem('INVITATION_INVALID', 410),
    });
    renderApp(`/accept-invitation?token=${token}`);
    await screen.findByRole('heading', { name: 'Accept your invitation' });
    fill('Meena', 'a long enough passphrase', 'a long enough passphrase');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This invitation link is not valid or has expired. Please ask for a new invitation.',
    );
  });
});
