import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildMe } from '../../test/fixtures';

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email address'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login page', () => {
  it('submits the credentials and shows a translated error for AUTH_INVALID_CREDENTIALS', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => problem('AUTH_REQUIRED', 401),
      'POST /api/v1/auth/login': () => problem('AUTH_INVALID_CREDENTIALS', 401),
    });
    renderApp('/login');
    await screen.findByRole('heading', { name: 'Sign in' });
    fillAndSubmit('asha@example.org', 'wrong password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The email address or password is incorrect.');
    expect(api.find('POST /api/v1/auth/login')[0]?.body).toEqual({
      email: 'asha@example.org',
      password: 'wrong password',
    });
  });

  it('shows field errors beside their fields', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => problem('AUTH_REQUIRED', 401),
      'POST /api/v1/auth/login': () =>
        problem('VALIDATION_FAILED', 400, [{ path: 'body.email', message: 'Invalid email', code: 'invalid_format' }]),
    });
    renderApp('/login');
    await screen.findByRole('heading', { name: 'Sign in' });
    fillAndSubmit('not-an-email', 'x');
    const email = screen.getByLabelText('Email address');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('This is not in the expected format.');
  });

  it('sends a signed-out visitor to sign in, then back to the page they asked for', async () => {
    const me = buildMe();
    let signedIn = false;
    mockApi({
      'GET /api/v1/auth/me': () => (signedIn ? { status: 200, body: me } : problem('AUTH_SESSION_EXPIRED', 401)),
      'POST /api/v1/auth/login': () => {
        signedIn = true;
        return { status: 200, body: me };
      },
      'GET /api/v1/users': () => ({ status: 200, body: { items: [], nextCursor: null, syncCursor: 's' } }),
      'GET /api/v1/areas': () => ({ status: 200, body: { items: [], nextCursor: null, syncCursor: 's' } }),
    });
    const { router } = renderApp('/users');
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fusers');

    fillAndSubmit('admin@example.org', 'correct horse battery');
    await screen.findByRole('heading', { name: 'Users', level: 1 });
    expect(router.state.location.pathname).toBe('/users');
    expect(screen.getByRole('link', { name: 'Users' })).toBeTruthy();
  });

  it('returns to sign-in, saying why, when the session expires mid-use', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      'GET /api/v1/users': () => problem('AUTH_SESSION_EXPIRED', 401),
      'GET /api/v1/areas': () => problem('AUTH_SESSION_EXPIRED', 401),
    });
    const { router } = renderApp('/users');
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(router.state.location.search).toBe('?next=%2Fusers');
    expect(screen.getByText('Your session has expired. Please sign in again.')).toBeTruthy();
  });
});
