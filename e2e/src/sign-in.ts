import type { Page } from 'playwright-core';

/** Signs in through the login page with a clean cookie jar and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, waitForHome = true): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (waitForHome) await page.getByRole('heading', { name: 'Home' }).waitFor();
}
