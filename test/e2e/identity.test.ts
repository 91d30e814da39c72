import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupGallery, listCandidates, showIdentity, type TCandidate } from '../../src/identity/index.js';
import { logIn, newPage, openE2eWorld, screenshot, type E2eWorld } from './harness.js';

// The identification team adjudicates a candidate pair from the queue, and the other record's name appears
// as an alias on the person's identity page.
const USER = 'le-id.s';

/** The rendered text direction of the first element matching `selector`, computed in the browser. */
async function direction(page: Page, selector: string): Promise<unknown> {
  return page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).direction`);
}

describe('the identity pages, as the identification team', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;
  let pair: TCandidate;

  beforeAll(async () => {
    world = await openE2eWorld();
    const ctx = await world.ctxOf(USER);
    await dedupGallery(ctx, { threads: 2 });
    // A pair whose two records carry different Latin names, so the alias is visible as such.
    pair = (await listCandidates(ctx, { limit: 200 })).items.find((c) => c.left.nameLatin !== c.right.nameLatin)!;
    expect(pair).toBeDefined();
    ({ context, page } = await newPage(world));
    await logIn(page, USER);
  });
  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('shows the queue and the pair side by side, with the Arabic names right to left', async () => {
    await page.goto('/identity');
    await page.getByTestId('candidate-queue').waitFor();
    await page.goto(`/identity/candidates/${pair.id}`);
    await page.getByTestId('side-left').waitFor();
    expect(await page.getByTestId('side-left').innerText()).toContain(pair.left.isn);
    expect(await page.getByTestId('side-right').innerText()).toContain(pair.right.isn);
    expect(await direction(page, '[data-testid="side-left"] [lang="ar"]')).toBe('rtl');
    await page.getByTestId('contributions').waitFor();
    await screenshot(page, 'identity-pair.png');
  });

  it('records "same" with a reason, and the alias appears on the identity page', async () => {
    await page.getByRole('radio', { name: 'same', exact: true }).check();
    await page.getByLabel('Reason').fill('Ten prints and face agree; same father and birth year');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByTestId('decided').waitFor();
    await page.getByRole('link', { name: `Open the identity of ${pair.left.isn}` }).click();
    await page.getByTestId('aliases').waitFor();
    const aliases = await page.getByTestId('aliases').innerText();
    expect(aliases).toContain(pair.right.nameLatin!);
    expect(await page.getByTestId('members').innerText()).toContain(pair.right.isn);
    await screenshot(page, 'identity-page.png');
    const stored = await showIdentity(await world.ctxOf(USER), pair.right.isn);
    expect(stored.members.map((m) => m.isn)).toContain(pair.left.isn);
  });

  it('types an Arabic name right to left in the enrollment form', async () => {
    await page.goto('/identity/enroll');
    const input = page.getByLabel('Name (Arabic script)');
    await input.fill('محمد حسين الجبوري');
    expect(await direction(page, 'input[name="nameAr"]')).toBe('rtl');
    expect(await input.inputValue()).toBe('محمد حسين الجبوري');
    await screenshot(page, 'identity-enroll.png');
  });
});
