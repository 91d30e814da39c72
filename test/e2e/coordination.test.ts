import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActions } from '../../src/coordination/index.js';
import { banners, closeSession, openSession, screenshot, type E2eWorld } from './harness.js';

// The airlift command's officer (cleared S) runs the daily call from the browser.
const USER = 'jtf.s';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function createCall(page: Page, date: string, title: string): Promise<void> {
  await page.goto('/coordination');
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Agencies (codes, comma-separated)').fill('JTF, IRQ-MOJ, HF');
  await page.getByRole('button', { name: 'Create the call' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`${title}, ${date}`) }).waitFor();
  await page.getByTestId('agenda').waitFor();
}

describe('the coordination call, in the browser', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ world, context, page } = await openSession(USER));
  });
  afterAll(async () => closeSession({ world, context, page }));

  it('opens a call, sees its agenda, records a decision and an action, and finds the action on the next call\'s agenda', async () => {
    await createCall(page, day(0), 'Morning call');
    await page.getByLabel('Agency', { exact: true }).fill('IRQ-MOJ');
    await page.getByLabel('Person').fill('Liaison officer');
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await expect.poll(() => page.getByTestId('attendance').innerText()).toContain('IRQ-MOJ: Liaison officer');

    await page.getByLabel('Decision', { exact: true }).fill('Northern sites go first');
    await page.getByLabel('Decided by').fill('JTF commander');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => page.getByTestId('decisions').innerText()).toContain('(U) Northern sites go first');

    await page.getByLabel('Action', { exact: true }).fill('Open two more intake lanes');
    await page.getByLabel('Owner agency').fill('IRQ-MOJ');
    await page.getByLabel('Due').fill(day(1));
    await page.getByLabel('Action marking (default: the call\'s)').fill('C//REL TO IRQ, USA');
    await page.getByRole('button', { name: 'Record the action' }).click();
    await expect.poll(() => page.getByTestId('actions-table').innerText()).toContain('Open two more intake lanes');
    // The banner covers the call, the action (C//REL TO IRQ, USA) and the agenda, which carries the scenario's
    // overdue actions, threat reporting (S//REL TO IRQ, USA) among them.
    const secret = (await listActions(await world.ctxOf(USER), { status: 'overdue' })).filter((a) => a.marking === 'S//REL TO IRQ, USA');
    expect(secret.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('agenda').innerText()).toContain(`Overdue: ${secret[0]!.title} (${secret[0]!.owner}, due ${secret[0]!.due})`);
    await expect.poll(async () => (await banners(page))[0]).toBe('SECRET//REL TO IRQ, USA');
    await screenshot(page, 'coordination-call.png');

    await createCall(page, day(1), 'Next call');
    await expect.poll(() => page.getByTestId('agenda').innerText()).toContain(`New action: Open two more intake lanes (IRQ-MOJ, due ${day(1)})`);
    await expect.poll(() => page.getByTestId('agenda').innerText()).toContain('Decision: Northern sites go first');
    expect((await banners(page))[0]).toBe('SECRET//REL TO IRQ, USA');
    await screenshot(page, 'coordination-next-call.png');
  });

  it('moves the action to done from the call page', async () => {
    await page.goto('/coordination');
    await page.getByRole('link', { name: 'Morning call' }).click();
    await page.getByRole('button', { name: 'Open two more intake lanes: done' }).click();
    await expect.poll(() => page.getByTestId('actions-table').innerText()).toMatch(/Open two more intake lanes\s+IRQ-MOJ\s+\S+\s+done/);
  });

  it('previews the SITREP with its banner, and charts the outcomes', async () => {
    await page.goto(`/coordination/sitrep?date=${day(0)}`);
    await page.getByTestId('sitrep').waitFor();
    const banner = await page.getByTestId('sitrep-banner').first().innerText();
    expect((await banners(page))[0]).toBe(banner);
    expect(await page.getByTestId('sitrep-sites').innerText()).toMatch(/HELD/);
    await screenshot(page, 'sitrep.png');
    await page.goto('/outcomes');
    await page.getByTestId('site-chart').waitFor();
    await page.getByTestId('figures-movement').first().waitFor();
    await screenshot(page, 'outcomes.png');
  });
});
