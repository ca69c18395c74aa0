import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface UserScope {
  areaIds?: string[];
  schoolIds?: string[];
}

/** Invites a user through the API in the administrator's page and returns the invitation link's path. */
export async function invite(page: Page, email: string, role: string, scope: UserScope): Promise<string> {
  const invited = await page.evaluate(
    async ({ email, role, scope }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const r = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ email, role, scope }),
      });
      return { status: r.status, body: (await r.json()) as { invitationPath?: string } };
    },
    { email, role, scope },
  );
  expect(invited.status).toBe(201);
  return invited.body.invitationPath!;
}

/** Accepts an invitation with a clean cookie jar and waits for the home page (the invitation page is in English). */
export async function acceptInvitation(page: Page, baseUrl: string, path: string, name: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 60_000 });
}
