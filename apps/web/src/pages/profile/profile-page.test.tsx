import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from '../../i18n/i18n';
import { renderApp } from '../../test/render-app';
import { mockApi, problem } from '../../test/mock-api';
import { buildMe } from '../../test/fixtures';

const optOut = { channel: 'email', address: 'admin@example.org', source: 'link', createdAt: '2025-01-10T08:00:00.000Z' };

describe('my profile', () => {
  it('saves name, phone and channels in the order chosen', async () => {
    const me = buildMe();
    const api = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/auth/me/opt-outs': () => ({ status: 200, body: { items: [] } }),
      'PATCH /api/v1/auth/me': (r) => ({ status: 200, body: { ...me, ...(r.body as object), phone: '+919876543210' } }),
    });
    renderApp('/profile');
    await screen.findByRole('heading', { name: 'My profile' });
    expect(await screen.findByText('You have not stopped any messages.')).toBeTruthy();

    // Without a phone, SMS and WhatsApp cannot be chosen.
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /SMS/ }).disabled).toBe(true);
    expect(screen.getByText('Add a phone number to use SMS or WhatsApp.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '98765 43210' } });
    const sms = screen.getByRole<HTMLInputElement>('checkbox', { name: /SMS/ });
    expect(sms.disabled).toBe(false);
    fireEvent.click(sms);
    fireEvent.click(screen.getByRole('checkbox', { name: /WhatsApp/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Move SMS up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move WhatsApp up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move WhatsApp up' }));
    expect(screen.getByRole('button', { name: 'Move WhatsApp up' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Saved.');
    expect(api.find('PATCH /api/v1/auth/me')[0]?.body).toEqual({
      name: 'Asha Admin',
      language: 'en',
      phone: '98765 43210',
      channels: ['whatsapp', 'sms', 'email'],
    });
    expect(screen.getByLabelText<HTMLInputElement>('Mobile number').value).toBe('+919876543210');
  });

  it('shows PHONE_INVALID translated, beside the phone field', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      'GET /api/v1/auth/me/opt-outs': () => ({ status: 200, body: { items: [] } }),
      'PATCH /api/v1/auth/me': () => problem('PHONE_INVALID', 400, [{ path: 'phone', message: 'x', code: 'PHONE_INVALID' }]),
    });
    renderApp('/profile');
    fireEvent.change(await screen.findByLabelText('Mobile number'), { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByText(/not a valid mobile or landline number/);
    expect(alert.textContent).toContain('+91 98765 43210');
    await waitFor(() => expect(screen.getByLabelText('Mobile number').getAttribute('aria-invalid')).toBe('true'));
  });

  it('lists stopped messages and turns one back on', async () => {
    let items = [optOut];
    const api = mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      'GET /api/v1/auth/me/opt-outs': () => ({ status: 200, body: { items } }),
      'DELETE /api/v1/auth/me/opt-outs/email': () => {
        items = [];
        return { status: 204 };
      },
    });
    renderApp('/profile');
    const entry = await screen.findByText(/E-mail to admin@example.org, stopped/);
    expect(entry).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Receive E-mail again' }));
    await screen.findByText('You have not stopped any messages.');
    expect(api.find('DELETE /api/v1/auth/me/opt-outs/email')).toHaveLength(1);
  });

  it('is complete in Hindi and Japanese', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe() }),
      'GET /api/v1/auth/me/opt-outs': () => ({ status: 200, body: { items: [optOut] } }),
    });
    renderApp('/profile');
    await screen.findByRole('heading', { name: 'My profile' });
    await i18n.changeLanguage('hi');
    await screen.findByRole('heading', { name: 'मेरी प्रोफ़ाइल' });
    expect(screen.getByLabelText('मोबाइल नंबर')).toBeTruthy();
    expect(await screen.findByText(/admin@example.org पर ई-मेल/)).toBeTruthy();
    await i18n.changeLanguage('ja');
    await screen.findByRole('heading', { name: 'マイプロフィール' });
    const form = screen.getByRole('group', { name: '通知の受け取り方（優先順）' });
    expect(within(form).getByRole('checkbox', { name: /メール/ })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/account\.\w+/);
  });
});
