import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHouseholds, showHousehold, showResident, type THouseholdDetail } from '../../src/camps/index.js';
import { closeSession, openSession, screenshot, type E2eWorld } from './harness.js';

// Child-protection staff record a mother's release with her two children; the camp's figures follow.
const USER = 'cpa.c';

/** A household of al-Hol whose head is an adult woman who is guardian of (at least) two of its children. */
async function motherWithTwo(world: E2eWorld): Promise<{ household: THouseholdDetail; mother: string; children: string[] }> {
  const ctx = await world.ctxOf(USER);
  for (let cursor: string | undefined; ;) {
    const page = await listHouseholds(ctx, { camp: 'HOL', limit: 100, ...(cursor ? { cursor } : {}) });
    for (const h of page.items) {
      const household = await showHousehold(ctx, h.code);
      const mother = household.residents.find((r) => r.relation === 'head' && r.sex === 'F' && (r.age ?? 0) >= 18 && r.status === 'resident');
      if (!mother) continue;
      const children: string[] = [];
      for (const r of household.residents.filter((x) => (x.age ?? 99) < 18 && x.status === 'resident')) {
        if ((await showResident(ctx, r.id)).guardians?.some((g) => g.guardian.residentId === mother.id)) children.push(r.id);
      }
      if (children.length >= 2) return { household, mother: mother.id, children: children.slice(0, 2) };
    }
    if (!page.nextCursor) throw new Error('no mother with two children in the e2e scenario');
    cursor = page.nextCursor;
  }
}

async function number(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).replace(/,/g, ''));
}

describe('the camps pages, as child-protection staff', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ world, context, page } = await openSession(USER));
  });
  afterAll(async () => closeSession({ world, context, page }));

  it('records the release of a mother with two children; the population and the cohorts update', async () => {
    const { household, mother, children } = await motherWithTwo(world);
    await page.goto('/camps/HOL');
    await page.getByTestId('pyramid').waitFor();
    const population = await number(page, 'camp-population');
    await screenshot(page, 'camp.png');
    await page.goto('/camps/HOL/cohorts');
    await page.getByTestId('cohort-chart').waitFor();
    const kids = await number(page, 'cohort-children');
    await screenshot(page, 'cohorts.png');

    await page.goto('/camps/HOL/release');
    await page.getByLabel('Household code').fill(household.code);
    for (const id of [mother, ...children]) {
      const name = household.residents.find((r) => r.id === id)!.nameLatin!;
      await page.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} —`) }).check();
    }
    await page.getByLabel('Released to').fill('Her brother, Mosul');
    await page.getByLabel('Destination', { exact: true }).fill('Mosul');
    await page.getByLabel('Agreement reference').fill('REL-E2E-1');
    await page.getByRole('button', { name: 'Record the release' }).click();
    await expect.poll(() => page.getByTestId('release-result').innerText()).toMatch(/^Released 3 .* under HF; /);
    await screenshot(page, 'release.png');

    await page.goto('/camps/HOL');
    await expect.poll(() => number(page, 'camp-population')).toBe(population - 3);
    await page.goto('/camps/HOL/cohorts');
    await expect.poll(() => number(page, 'cohort-children')).toBe(kids - 2);
    await page.goto(`/camps/households/${household.code}`);
    await page.getByTestId('family-graph').waitFor();
    await screenshot(page, 'household.png');
  });
});
