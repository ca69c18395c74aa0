import type { Page } from 'playwright-core';

/** What the login page says, in the language it is shown in; English unless told otherwise. */
export interface SignInLabels {
  email: string;
  password: string;
  submit: string;
  home: string;
}

const english: SignInLabels = { email: 'Email address', password: 'Password', submit: 'Sign in', home: 'Home' };

/** Signs in through the login page with a clean cookie jar and waits for the home page. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  waitForHome = true,
  labels: SignInLabels = english,
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  if (waitForHome) await page.getByRole('heading', { name: labels.home }).waitFor({ timeout: 60_000 });
}
