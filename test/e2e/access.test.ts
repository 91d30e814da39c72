import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarking } from '../../src/kernel/index.js';
import { listDetainees, listFacilities } from '../../src/registry/index.js';
import type { TDetainee, TFacility } from '../../src/registry/index.js';
import { banners, logIn, newPage, openE2eWorld, screenshot, type E2eWorld } from './harness.js';

// A CONFIDENTIAL user of the humanitarian observer (Switzerland): the prisons are REL TO USA, IRQ, SYR and most
// detainees above their reach, so the store holds records this user must never see, anywhere in the UI.
const LOW = 'hum-obs.c';
const HIGH = 'jtf.ts';

describe('the web UI hides what a user may not see', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;
  let restrictedFacility: TFacility;
  let restrictedDetainee: TDetainee;
  let visible: TFacility[];

  beforeAll(async () => {
    world = await openE2eWorld();
    const high = await world.ctxOf(HIGH);
    const low = await world.ctxOf(LOW);
    visible = await listFacilities(low);
    const seen = new Set(visible.map((f) => f.code));
    const hidden = (await listFacilities(high)).filter((f) => !seen.has(f.code));
    restrictedFacility = hidden.find((f) => f.kind === 'prison') ?? hidden[0]!;
    const secret = (await listDetainees(high, { limit: 200 })).items.filter((d) => parseMarking(d.marking).level === 'S');
    restrictedDetainee = secret[0]!;
    expect(restrictedFacility).toBeDefined();
    expect(restrictedDetainee).toBeDefined();
    ({ context, page } = await newPage(world));
    await logIn(page, LOW);
  });

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('leaves the restricted site off the map and out of the totals', async () => {
    await page.goto('/');
    await page.getByTestId('by-site').waitFor();
    await expect.poll(() => page.locator('.site-marker').count()).toBe(visible.length);
    expect(await page.locator(`.site-marker[data-code="${restrictedFacility.code}"]`).count()).toBe(0);
    expect(await page.locator(`[data-testid="by-site"] tr[data-code="${restrictedFacility.code}"]`).count()).toBe(0);
    const held = await listDetainees(await world.ctxOf(LOW), { status: 'held', limit: 1 });
    const heldHigh = await listDetainees(await world.ctxOf(HIGH), { status: 'held', limit: 1 });
    expect(held.total).toBeLessThan(heldHigh.total);
    await expect.poll(() => page.getByTestId('total-held').innerText()).toBe(held.total.toLocaleString('en-GB'));
    expect(await page.getByTestId('banner-top').innerText()).toBe('UNCLASSIFIED');
    await screenshot(page, 'map-low-clearance.png');
  });

  it('leaves the restricted site out of the facility list, and its address says Not found', async () => {
    await page.goto('/facilities');
    await page.getByTestId('facilities-table').waitFor();
    expect(await page.locator(`[data-testid="facilities-table"] tr[data-code="${restrictedFacility.code}"]`).count()).toBe(0);
    await page.goto(`/facilities/${restrictedFacility.code}`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await page.content()).not.toContain(restrictedFacility.name);
    expect(await banners(page)).toEqual(['UNCLASSIFIED', 'UNCLASSIFIED']);
  });

  it('does not find the restricted detainee by search, and their address says Not found', async () => {
    await page.goto(`/detainees?search=${encodeURIComponent(restrictedDetainee.isn)}`);
    await page.getByText('No detainee you may see matches these filters.').waitFor();
    expect(await page.getByTestId('detainee-total').innerText()).toBe('0 detainees match these filters');
    await page.goto(`/detainees/${restrictedDetainee.isn}`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await page.content()).not.toContain(restrictedDetainee.nameLatin);
  });

  it('shows the same detainee to a user cleared for it', async () => {
    const { context: c2, page: p2 } = await newPage(world);
    try {
      await logIn(p2, HIGH);
      await p2.goto(`/detainees/${restrictedDetainee.isn}`);
      await p2.getByTestId('name-ar').waitFor();
      expect((await banners(p2))[0]).toMatch(/^SECRET/);
    } finally {
      await c2.close();
    }
  });
});
