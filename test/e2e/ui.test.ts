import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerOf, formatBanner, parseMarking } from '../../src/kernel/index.js';
import { placeHistory } from '../../src/custody/index.js';
import { DETAINEE_STATUSES, listDetainees, listFacilities } from '../../src/registry/index.js';
import { banners, logIn, newPage, openE2eWorld, screenshot, type E2eWorld } from './harness.js';

// What a user of the military command cleared SECRET does most: log in, read the map, open a site, find a person.
const USER = 'jtf.s';

function expectedBanner(markings: readonly string[]): string {
  return formatBanner(bannerOf(markings.map((m) => parseMarking(m))));
}

describe('the web UI, as a SECRET user of the airlift command', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    world = await openE2eWorld();
    ({ context, page } = await newPage(world));
  });

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('logs in and shows who the user is: name, agency, country, clearance', async () => {
    await logIn(page, USER, 'login.png');
    await expect.poll(() => page.getByTestId('user-agency').innerText()).toBe('JTF');
    expect(await page.getByTestId('user-country').innerText()).toBe('USA');
    expect(await page.getByTestId('user-clearance').innerText()).toBe('S');
    expect(await page.getByTestId('user-name').innerText()).toContain('JTF');
  });

  it('maps every site the user may see, with the banner of their markings and the totals', async () => {
    const facilities = await listFacilities(await world.ctxOf(USER));
    await page.goto('/');
    await page.locator('.site-marker').first().waitFor();
    await expect.poll(() => page.locator('.site-marker').count()).toBe(facilities.length);
    const codes = await Promise.all((await page.locator('.site-marker').all()).map((m) => m.getAttribute('data-code')));
    expect(new Set(codes)).toEqual(new Set(facilities.map((f) => f.code)));
    // The banner covers the sites and the detainee records behind every figure shown beside them.
    const counted = await Promise.all((['held', 'in-transit', 'transferred'] as const).map(async (status) => (await listDetainees(await world.ctxOf(USER), { status, limit: 1 })).marking));
    const shown = [...facilities.flatMap((f) => [f.marking, f.heldMarking]), ...counted];
    await expect.poll(() => banners(page)).toEqual(Array(2).fill(expectedBanner(shown)));
    const held = await listDetainees(await world.ctxOf(USER), { status: 'held', limit: 1 });
    await expect.poll(() => page.getByTestId('total-held').innerText()).toBe(held.total.toLocaleString('en-GB'));
    await page.locator('.country').first().waitFor();
    await screenshot(page, 'map.png');
  });

  it('opens a site from the map, showing its landing zones and its own marking', async () => {
    const ghw = (await listFacilities(await world.ctxOf(USER))).find((f) => f.code === 'GHW');
    expect(ghw).toBeDefined();
    await page.goto('/');
    // The prisons of Hasakah sit a few kilometres apart: the north-east view sets them apart for the mouse.
    await page.getByRole('button', { name: 'North-east Syria' }).click();
    await page.locator('.site-marker[data-code="GHW"]').click();
    await page.waitForURL('**/facilities/GHW');
    await page.getByRole('heading', { name: /Ghwayran/, level: 1 }).waitFor();
    await page.getByRole('heading', { name: /Landing zones/ }).waitFor();
    expect(await page.locator('section:has(#lz-title) tbody tr').count()).toBe(ghw!.landingZones.length);
    const counted = await Promise.all(DETAINEE_STATUSES.map(async (status) => (await listDetainees(await world.ctxOf(USER), { status, facility: 'GHW', limit: 1 })).marking));
    const history = await placeHistory(await world.ctxOf(USER), 'GHW');
    expect(history.points.at(-1)?.count).toBeGreaterThan(0);
    await expect.poll(() => banners(page)).toEqual(Array(2).fill(expectedBanner([ghw!.marking, ghw!.heldMarking, history.marking, ...counted])));
    await page.getByText('Detainees recorded here, by status').waitFor();
    await page.locator('figure.population-history svg').waitFor();
    await expect.poll(() => page.locator('.bar-value').filter({ hasText: '…' }).count()).toBe(0);
    await screenshot(page, 'facility.png');
  });

  it('opens a site from the map with the keyboard', async () => {
    await page.goto('/');
    await page.locator('.site-marker[data-code="HOL"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/facilities/HOL');
    await page.getByRole('heading', { name: /al-Hol camp/, level: 1 }).waitFor();
  });

  it('lists the facilities', async () => {
    const facilities = await listFacilities(await world.ctxOf(USER));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Facilities' }).click();
    await page.getByTestId('facilities-table').waitFor();
    expect(await page.locator('[data-testid="facilities-table"] tbody tr').count()).toBe(facilities.length);
    await screenshot(page, 'facilities.png');
  });

  it('lists detainees with their total, loading more pages as the list scrolls', async () => {
    const all = await listDetainees(await world.ctxOf(USER), { limit: 1 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Detainees' }).click();
    await expect.poll(() => page.getByTestId('detainee-total').innerText()).toBe(`${all.total.toLocaleString('en-GB')} detainees match`);
    await screenshot(page, 'detainees.png');
    expect(all.total).toBeGreaterThan(400);
    const body = page.locator('.vtable-body');
    await body.hover();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 2000);
    await expect.poll(async () => Number(await body.locator('[role="row"]').last().getAttribute('aria-rowindex'))).toBeGreaterThan(250);
    // Only the rows in view are in the DOM.
    expect(await body.locator('[role="row"]').count()).toBeLessThan(80);
  });

  it('finds a detainee by an Arabic-script name and shows the name right-to-left', async () => {
    const page1 = await listDetainees(await world.ctxOf(USER), { limit: 50 });
    const target = page1.items.find((d) => d.status === 'held' && d.nameAr.split(/\s+/).length >= 3) ?? page1.items[0]!;
    await page.goto('/detainees');
    await page.getByLabel('Search').fill(target.nameAr);
    await page.getByText(/match(es)? these filters$/).waitFor();
    await page.locator(`[data-isn="${target.isn}"]`).waitFor();
    expect(await page.locator('.vtable-body [role="row"]').count()).toBeLessThan(10);
    await screenshot(page, 'detainees-search.png');
    await page.locator(`[data-isn="${target.isn}"]`).getByRole('link', { name: target.isn }).click();
    await page.waitForURL(`**/detainees/${target.isn}`);
    const ar = page.getByTestId('name-ar');
    expect(await ar.innerText()).toBe(target.nameAr);
    expect(await ar.getAttribute('dir')).toBe('rtl');
    expect(await ar.getAttribute('lang')).toBe('ar');
    expect(await banners(page)).toEqual(Array(2).fill(expectedBanner([target.marking])));
    const portion = `(${parseMarking(target.marking).level}`;
    expect(await page.locator('h2 .portion-mark').first().innerText()).toContain(portion);
    await screenshot(page, 'detainee.png');
  });

  it('answers an unknown address with a Not found page, unclassified', async () => {
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await banners(page)).toEqual(['UNCLASSIFIED', 'UNCLASSIFIED']);
  });

  it('logs out back to the login page', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.goto('/facilities');
    await page.waitForURL('**/login?next=%2Ffacilities');
  });
});
