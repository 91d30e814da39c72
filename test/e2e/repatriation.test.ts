import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDetainees } from '../../src/registry/index.js';
import { banners, logIn, newPage, openE2eWorld, screenshot, type E2eWorld } from './harness.js';

// A diplomat records Iraq's answer and plans a batch; the holding force hands it over; Iraq's counter-terrorism
// service receives it; the country's progress moves on the board and the countries table.

async function number(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).replace(/,/g, ''));
}

async function signedIn(world: E2eWorld, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const p = await newPage(world);
  await logIn(p.page, username);
  return p;
}

describe('the repatriation board', () => {
  let world: E2eWorld;
  let diplo: { context: BrowserContext; page: Page };
  let isns: string[];
  let place: string;

  beforeAll(async () => {
    world = await openE2eWorld();
    const seen = await Promise.all(['diplo.s', 'hf.s', 'irq-cts.s'].map(async (u) => (await listDetainees(await world.ctxOf(u), { nationality: 'IRQ', status: 'held', limit: 200 })).items));
    const others = seen.slice(1).map((list) => new Set(list.map((d) => d.isn)));
    const common = seen[0]!.filter((d) => others.every((s) => s.has(d.isn)) && d.facility !== null);
    isns = common.slice(0, 2).map((d) => d.isn);
    place = common[0]!.facility!;
    diplo = await signedIn(world, 'diplo.s');
  }, 120_000);

  afterAll(async () => {
    await diplo?.context.close();
    await world?.close();
  });

  it('records an answer, plans and hands over a batch, and shows the progress', async () => {
    expect(isns).toHaveLength(2);
    const { page } = diplo;
    await page.goto('/repatriation');
    await page.getByTestId('countries-table').waitFor();
    await page.getByTestId('world-map').locator('a[data-country="IRQ"]').waitFor();
    const row = page.locator('tr[data-country="IRQ"]');
    await expect.poll(() => row.innerText()).toMatch(/negotiating/);
    await screenshot(page, 'repatriation.png');
    const [top] = await banners(page);
    expect(top).toMatch(/^(CONFIDENTIAL|SECRET)/);

    // Iraq's and Syria's circles overlap on the map; the table's link is the unambiguous way in.
    expect(await page.getByTestId('world-map').locator('a[data-country="IRQ"]').getAttribute('href')).toBe('/repatriation/IRQ');
    await row.getByRole('link').click();
    await page.getByTestId('country-status').waitFor();
    const before = await number(page, 'country-repatriated');
    const heldBefore = await number(page, 'country-held');

    const engagement = page.getByRole('form', { name: 'Record an engagement' });
    await engagement.getByLabel('Kind').selectOption('answer');
    await engagement.getByLabel('Summary').fill('Iraq agrees to receive its nationals');
    await engagement.getByLabel('Outcome').selectOption('accepted');
    await engagement.getByRole('button', { name: 'Record the engagement' }).click();
    await expect.poll(() => page.getByTestId('engagements-table').innerText()).toMatch(/Iraq agrees to receive its nationals/);

    const status = page.getByRole('form', { name: 'Change the status' });
    await status.getByLabel('New status').selectOption('accepted');
    await status.getByRole('button', { name: 'Change the status' }).click();
    await expect.poll(() => page.getByTestId('country-status').innerText()).toMatch(/accepted/);

    await page.getByRole('button', { name: 'Plan a batch' }).click();
    const plan = page.getByRole('form', { name: 'Plan a batch' });
    for (const isn of isns) await plan.locator(`input[data-isn="${isn}"]`).check();
    await plan.getByLabel('Receiving agency (code)').fill('IRQ-CTS');
    await plan.getByLabel('Place (facility code or aircraft tail)').fill(place);
    await plan.getByLabel('Planned date').fill('2026-12-01');
    await plan.getByLabel('Prosecution assurances (reference)').fill('NV-IRQ-2026-004');
    await plan.getByRole('button', { name: /Plan the batch/ }).click();
    const card = page.getByTestId('batch-card').first();
    await expect.poll(() => card.getAttribute('data-status')).toBe('planned');
    const batchId = (await card.getAttribute('data-batch'))!;

    const hf = await signedIn(world, 'hf.s');
    await hf.page.goto('/repatriation/IRQ');
    const hfCard = hf.page.locator(`[data-batch="${batchId}"]`);
    await hfCard.getByRole('button', { name: 'Hand over' }).click();
    await expect.poll(() => hfCard.getAttribute('data-status')).toBe('handing-over');

    // The receiving agency first refuses (a reason is required); nobody was received, so the batch is planned again.
    const irq = await signedIn(world, 'irq-cts.s');
    await irq.page.goto('/repatriation/IRQ');
    const irqCard = irq.page.locator(`[data-batch="${batchId}"]`);
    await irqCard.getByRole('button', { name: 'Refuse (receiving agency)' }).click();
    await expect.poll(() => irqCard.getByRole('alert').innerText()).toMatch(/^reason:/);
    await irqCard.getByLabel('Reason (not received)').fill('travel documents incomplete');
    await irqCard.getByRole('button', { name: 'Refuse (receiving agency)' }).click();
    await expect.poll(() => irqCard.getAttribute('data-status')).toBe('planned');
    await expect.poll(() => irqCard.innerText()).toMatch(/refused: travel documents incomplete/);

    await hf.page.reload();
    await hfCard.getByRole('button', { name: 'Hand over' }).click();
    await expect.poll(() => hfCard.getAttribute('data-status')).toBe('handing-over');
    await hf.context.close();

    await irq.page.reload();
    await irqCard.getByRole('button', { name: /Receive/ }).click();
    await expect.poll(() => irqCard.getAttribute('data-status')).toBe('handed-over');
    await irq.context.close();

    await page.reload();
    await page.getByTestId('country-status').waitFor();
    expect(await number(page, 'country-repatriated')).toBe(before + 2);
    expect(await number(page, 'country-held')).toBe(heldBefore - 2);
    await expect.poll(() => page.getByTestId('country-status').innerText()).toMatch(/repatriating/);
    await screenshot(page, 'repatriation-country.png');
    await page.goto('/repatriation');
    await expect.poll(() => page.locator('tr[data-country="IRQ"]').innerText()).toMatch(/repatriating/);
  }, 120_000);
});
