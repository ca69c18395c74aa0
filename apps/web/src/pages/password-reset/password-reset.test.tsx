import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import i18n from '../../i18n/i18n';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';

const signedOut = { 'GET /api/v1/auth/me': () => problem('AUTH_REQUIRED', 401) };

describe('password reset', () => {
  it('goes from the login page to the request page and asks for a link, answering the same for any address', async () => {
    const api = mockApi({ ...signedOut, 'POST /api/v1/auth/password-reset': () => ({ status: 202, body: null }) });
    const { router } = renderApp('/login');
    fireEvent.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    await screen.findByRole('heading', { name: 'Reset your password' });
    expect(router.state.location.pathname).toBe('/forgot-password');
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: ' asha@example.org ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByText(/^If asha@example.org has an active account, a link is on its way/)).toBeTruthy();
    expect(api.find('POST /api/v1/auth/password-reset')[0]?.body).toEqual({ email: 'asha@example.org' });
  });

  it('shows RATE_LIMITED translated on the request page', async () => {
    mockApi({ ...signedOut, 'POST /api/v1/auth/password-reset': () => problem('RATE_LIMITED', 429) });
    renderApp('/forgot-password');
    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: 'asha@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect((await screen.findByRole('alert')).textContent).toBe(i18n.t('errors.RATE_LIMITED'));
    expect(i18n.t('errors.RATE_LIMITED')).not.toBe('errors.RATE_LIMITED');
  });

  it('sets the new password from the link and offers to sign in', async () => {
    const api = mockApi({ ...signedOut, 'POST /api/v1/auth/password-reset/confirm': () => ({ status: 204 }) });
    renderApp('/reset-password?token=tok_abcdefghijklmnopqrstuvwxyz');
    await screen.findByRole('heading', { name: 'Choose a new password' });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'monsoon over the hills' } });
    fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: 'monsoon over the hills' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(await screen.findByText('Your password is changed. Sign in with it now.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
    expect(api.find('POST /api/v1/auth/password-reset/confirm')[0]?.body).toEqual({
      token: 'tok_abcdefghijklmnopqrstuvwxyz',
      password: 'monsoon over the hills',
    });
  });

  it('explains an expired or used link and links to ask again, in Hindi and Japanese too', async () => {
    mockApi({ ...signedOut, 'POST /api/v1/auth/password-reset/confirm': () => problem('PASSWORD_RESET_EXPIRED', 410) });
    renderApp('/reset-password?token=tok_abcdefghijklmnopqrstuvwxyz');
    await i18n.changeLanguage('hi');
    await screen.findByRole('heading', { name: 'नया पासवर्ड चुनें' });
    fireEvent.change(screen.getByLabelText(i18n.t('invitation.password')), { target: { value: 'monsoon over the hills' } });
    fireEvent.change(screen.getByLabelText(i18n.t('invitation.confirmPassword')), {
      target: { value: 'monsoon over the hills' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'पासवर्ड सेट करें' }));
    expect((await screen.findByRole('alert')).textContent).toContain('अवधि समाप्त');
    expect(screen.getByRole('link', { name: 'नया लिंक माँगें' }).getAttribute('href')).toBe('/forgot-password');
    await i18n.changeLanguage('ja');
    await screen.findByRole('heading', { name: '新しいパスワードの設定' });
    expect(screen.getByRole('link', { name: '新しいリンクを依頼する' })).toBeTruthy();
  });

  it('says a link without a token is not valid', async () => {
    mockApi(signedOut);
    renderApp('/reset-password');
    expect((await screen.findByRole('alert')).textContent).toBe('This password reset link is not valid. Ask for a new one.');
  });
});
