import type { Page } from 'playwright-core';

/**
 * Answers every question of the self-assessment form that has no answer yet: the first option of each radio
 * group, the first box of each checkbox group and a small whole number in each number box. Answers can reveal
 * further questions, so it goes round until a pass changes nothing. The form is found by its submit button's
 * label, which is in the interface language.
 */
export async function answerEverything(page: Page, submitLabel: string): Promise<number> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: submitLabel }) });
  let answered = 0;
  for (let pass = 0; pass < 20; pass++) {
    let changed = 0;
    const groups = form.locator('fieldset[data-question]');
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      const radios = group.locator('input[type="radio"]');
      if ((await radios.count()) > 0) {
        if ((await group.locator('input[type="radio"]:checked').count()) === 0) {
          await radios.first().check();
          changed++;
        }
        continue;
      }
      const boxes = group.locator('input[type="checkbox"]');
      if ((await boxes.count()) > 0 && (await group.locator('input[type="checkbox"]:checked').count()) === 0) {
        await boxes.first().check();
        changed++;
      }
    }
    const numbers = form.locator('div.field[data-question] input[type="number"]');
    for (let i = 0; i < (await numbers.count()); i++) {
      const input = numbers.nth(i);
      if ((await input.inputValue()) === '') {
        const min = await input.getAttribute('min');
        await input.fill(String(Math.max(1, Number(min ?? 0))));
        changed++;
      }
    }
    answered += changed;
    if (changed === 0) return answered;
  }
  throw new Error('the form kept showing new questions');
}
