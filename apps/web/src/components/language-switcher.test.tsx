import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp } from '../test/render-app';
import { mockApi, problem } from '../test/mock-api';
import { buildMe } from '../test/fixtures';

// MapLibre needs WebGL, which jsdom lacks; the home page behind a signed-in redirect would load it.
vi.mock('../pages/home/school-map', () => ({ SchoolMap: () => null }));

describe('language switcher', () => {
  it('switches the visible text to Hindi and Japanese without a reload', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => problem('AUTH_REQUIRED', 401) });
    renderApp('/login');
    await screen.findByRole('heading', { name: 'Sign in' });

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'hi' } });
    await screen.findByRole('heading', { name: 'साइन इन करें' });
    expect(screen.getByLabelText('ईमेल पता')).toBeTruthy();
    expect(document.documentElement.lang).toBe('hi');
    expect(document.title).toBe('साइन इन करें · SafeSchools');
    expect(localStorage.getItem('safeschools.language')).toBe('hi');

    fireEvent.change(screen.getByLabelText('भाषा'), { target: { value: 'ja' } });
    await screen.findByRole('heading', { name: 'サインイン' });
    expect(screen.getByLabelText('メールアドレス')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
  });

  it('saves the choice to the profile when signed in, with the CSRF token', async () => {
    const me = buildMe({ language: 'en', permissions: [] });
    const api = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/dashboard': () => problem('INTERNAL', 500),
      'PATCH /api/v1/auth/me': () => ({ status: 200, body: { ...me, language: 'ja' } }),
    });
    renderApp('/login');
    await screen.findByRole('button', { name: 'Sign out' });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ja' } });
    await screen.findByRole('button', { name: 'サインアウト' });
    await waitFor(() => expect(api.find('PATCH /api/v1/auth/me')).toHaveLength(1));
    const patch = api.find('PATCH /api/v1/auth/me')[0];
    expect(patch?.body).toEqual({ language: 'ja' });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-test-token');
  });
});
