import type { Locator, Page } from 'playwright-core';
import { planSectionLabels, taskForceLabels, type StandardTaskForceType } from '@safeschools/domain';
import type { catalogue } from './catalogue.js';

type Text = ReturnType<typeof catalogue>;
type Language = 'en' | 'hi' | 'ja';
const LONG = { timeout: 60_000 };

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Drives the plan page the way a focal point does, finding every control by the words on screen. */
export class PlanEditor {
  constructor(
    private readonly page: Page,
    private readonly t: Text,
    private readonly lang: Language,
  ) {}

  /** Opens a collapsed plan section by its title and returns it. */
  async open(title: string): Promise<Locator> {
    const panel = this.page.locator('details', { has: this.page.locator('summary > strong', { hasText: exactly(title) }) });
    await panel.waitFor(LONG);
    if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
    return panel;
  }

  section(name: keyof typeof planSectionLabels): Promise<Locator> {
    return this.open(planSectionLabels[name][this.lang]);
  }

  taskForce(type: StandardTaskForceType): Locator {
    return this.page.getByRole('group', { name: taskForceLabels[type][this.lang], exact: true });
  }

  /** Clicks a button and fills the inputs it adds, the last of each label, which is the row just added. */
  async addRow(scope: Locator, button: string, fields: Record<string, string>): Promise<void> {
    await scope.getByRole('button', { name: button, exact: true }).click();
    for (const [label, value] of Object.entries(fields)) await scope.getByLabel(label, { exact: true }).last().fill(value);
  }

  async addPerson(name: string, role: string, designation: string): Promise<void> {
    const people = await this.open(this.t('plan.people.title'));
    await this.addRow(people, this.t('plan.people.add'), {
      [this.t('plan.people.name')]: name,
      [this.t('plan.people.designation')]: designation,
    });
    await people.getByLabel(this.t('plan.people.role'), { exact: true }).last().selectOption({ label: role });
  }

  /** Forms a standard task force: its first adult (the leader, by default) and further adults picked by name. */
  async formTaskForce(type: StandardTaskForceType, leader: string, others: readonly string[]): Promise<Locator> {
    const forces = await this.section('taskForces');
    await forces
      .getByRole('button', { name: this.t('plan.taskForces.add', { name: taskForceLabels[type][this.lang] }), exact: true })
      .click();
    const force = this.taskForce(type);
    for (const person of [leader, ...others]) {
      await force.getByRole('button', { name: this.t('plan.members.addAdult'), exact: true }).click();
      await force.getByLabel(this.t('plan.members.person'), { exact: true }).last().selectOption({ label: person });
    }
    return force;
  }

  /** Saves and waits until the page says nothing is left unsaved. */
  async save(): Promise<void> {
    const saved = this.page.waitForResponse(
      (r) => /\/api\/v1\/schools\/[0-9a-f-]{36}\/plan$/.test(r.url()) && r.request().method() === 'PUT',
      LONG,
    );
    await this.page.getByRole('button', { name: this.t('plan.actions.save'), exact: true }).click();
    const response = await saved;
    if (!response.ok()) throw new Error(`saving the plan failed: ${response.status()} ${await response.text()}`);
    await this.page.getByText(this.t('plan.actions.unsaved')).waitFor({ state: 'detached', ...LONG });
  }

  /** Clicks a spot of the evacuation map, as a fraction of its width and height. */
  async clickMap(x: number, y: number): Promise<void> {
    const map = this.page.locator('.map canvas');
    await map.waitFor({ state: 'visible', ...LONG });
    const box = await map.boundingBox();
    if (!box) throw new Error('the evacuation map has no size');
    // A locator click scrolls the map into view first; the map sits far down the plan.
    await map.click({ position: { x: box.width * x, y: box.height * y } });
  }
}
