import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, openScenarioPlan, openSession, screenshot, type E2eWorld } from './harness.js';

// A planner plans the reference operation and reads, on the plan page, the agreement conditions the plan keeps
// (the signed TA-MAIN-02: observer present, manifest notice, medical screening) with their arrival windows.
const USER = 'jtf.s';

describe('the agreement conditions on the plan page', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ world, context, page } = await openSession(USER));
  });
  afterAll(async () => closeSession({ world, context, page }));

  it('shows the rules kept and their windows with the plan\'s arrivals', async () => {
    await openScenarioPlan(page);
    await page.getByTestId('plan-conditions').waitFor({ timeout: 60_000 });
    const text = await page.getByTestId('plan-conditions').innerText();
    expect(text).toMatch(/x-3\s+observer-present\s+BIAP\s+TA-MAIN-02/);
    expect(text).toMatch(/x-4\s+manifest-notice-hours\s+BIAP\s+TA-MAIN-02\s+rides depart ≥ 12 h after the start/);
    expect(text).toMatch(/x-5\s+medical-screening/);
    expect(await page.getByTestId('condition-windows').locator('line').count()).toBeGreaterThan(0);
    await page.getByTestId('plan-conditions').scrollIntoViewIfNeeded();
    await screenshot(page, 'airlift-conditions.png');
  });
});
