import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvePlan, listPlans, planSorties, reconcile, setSortieStatus, showSortie, wristbandCode } from '../../src/airlift/index.js';
import { banners, closeSession, openScenarioPlan, openSession, screenshot, type E2eWorld } from './harness.js';

// A planner of the airlift command plans the reference operation, reads the timeline, loses an aircraft and sees the re-plan.
const USER = 'jtf.s';

describe('the airlift plan page, as a planner', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ world, context, page } = await openSession(USER));
  });
  afterAll(async () => closeSession({ world, context, page }));

  it('plans the scenario, shows the timeline, declares an aircraft lost and shows the re-plan and its diff', async () => {
    await openScenarioPlan(page);
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
    // The world's only fixed-wing aircraft (a C-130) lost at the start: its onward flights go by helicopter, whole
    // way, and nobody is stranded.
    const c130 = (await page.getByTestId('disruption-target').locator('option').allInnerTexts()).find((o) => o.startsWith('C130'));
    expect(c130).toBeDefined();
    await page.getByTestId('disruption-target').selectOption(c130!);
    await page.getByTestId('replan').click();
    await page.getByTestId('replan-diff').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('replan-diff').innerText()).toMatch(/aircraft-out-of-service/);
    expect(Number(await page.getByTestId('moved-count').innerText())).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId('stranded-count').innerText()).toBe('0');
    expect(await page.getByTestId('replan-strategy').innerText()).toMatch(/re-plan kept/);
    await screenshot(page, 'airlift-replan.png');

    await page.getByTestId('replan-result').getByRole('link').click();
    // The old plan's timeline stays on screen until the re-plan's page has loaded: wait for the new heading first.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 60_000 }).toMatch(/re-plan/);
    await page.getByTestId('gantt').waitFor({ timeout: 60_000 });
    // The lost aircraft flies nothing after the disruption in the re-plan: its row holds at most the legs flown before.
    expect(await page.getByTestId('replan-diff').innerText()).toMatch(/aircraft-out-of-service/);
  });

  it('scans with no link: the scan waits on the device, then syncs when the link returns; the page opens offline', async () => {
    const ctx = await world.ctxOf(USER);
    const draft = (await listPlans(ctx)).find((p) => p.status === 'draft' && p.parentId === null)!;
    await approvePlan(ctx, draft.id);
    const sortie = (await planSorties(ctx, draft.id))[0]!;
    await setSortieStatus(ctx, sortie.id, { status: 'boarding' });
    const isn = (await showSortie(ctx, sortie.id)).manifest[0]!.isn;

    await page.goto(`/airlift/scan?sortie=${sortie.id}`);
    await page.getByTestId('scan-input').waitFor();
    // The service worker is installed and controls the page (its cache holds the app's files).
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.reload();
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 30_000 });
    await context.setOffline(true);
    await page.getByTestId('scan-input').fill('SP-SY-000001-0');
    await page.getByTestId('scan-input').press('Enter');
    await page.getByTestId('scan-log').getByText(/check character does not match/).waitFor();
    await page.getByTestId('scan-input').fill(wristbandCode(isn));
    await page.getByTestId('scan-input').press('Enter');
    await page.getByTestId('scan-log').getByText(`${isn}: queued`).waitFor();
    await page.getByTestId('link-state').getByText(/No link/).waitFor({ timeout: 15_000 });
    await page.getByTestId('link-state').getByText(/1 waiting to sync/).waitFor({ timeout: 15_000 });
    // With no link at all the page still opens (its files come from the service worker) and the queue is still there.
    await page.reload();
    await page.getByTestId('scan-input').waitFor();
    await screenshot(page, 'airlift-scan-offline.png');
    expect((await reconcile(ctx, draft.id)).byKind.aircraft).toBe(0);

    await context.setOffline(false);
    await page.getByTestId('scan-log').getByText(new RegExp(`${isn}: boarded`)).waitFor({ timeout: 30_000 });
    // The log shows the server's answer a moment before the queue count is redrawn: wait for the count.
    await page.getByTestId('link-state').getByText(/0 waiting to sync/).waitFor({ timeout: 15_000 });
    expect((await reconcile(ctx, draft.id)).byKind.aircraft).toBe(1);
    await screenshot(page, 'airlift-scan-synced.png');
  }, 180_000);
});
