import type { Page } from 'playwright-core';

/** A file on disk, or one the test wrote in memory. */
export type WizardFile = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * Step 1 (check), then step 2 (import), through the import wizard in English; waits for the result panel.
 * Imports are slow on a loaded machine, hence the long waits (they end as soon as the text shows).
 */
export async function importThroughWizard(page: Page, baseUrl: string, kind: string, file: WizardFile): Promise<void> {
  await page.goto(`${baseUrl}/imports/new`);
  await page.getByLabel('What the file contains').selectOption(kind);
  await page.getByLabel('File', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByText('The file has no problems and is ready to import.').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('The import is finished.').waitFor({ timeout: 180_000 });
}
