import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandover, custodyCtx, keyringFor } from '../../src/custody/index.js';
import { DomainError } from '../../src/kernel/index.js';
import { listDetainees } from '../../src/registry/index.js';
import { logIn, newPage, openE2eWorld, screenshot, type E2eWorld } from './harness.js';

// The airlift command's custodian signs a handover from the holding force in the queue; the detainee's custody
// timeline then shows both signatures and a proof that the browser itself verified against the published keys.
const RECEIVER = 'jtf.s';
const RELEASER = 'hf.s';

describe('the custody pages', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;
  let isn: string;

  beforeAll(async () => {
    world = await openE2eWorld();
    const keyring = keyringFor(world.store.url);
    const hf = await world.ctxOf(RELEASER);
    const seenByBoth = (await listDetainees(await world.ctxOf(RECEIVER), { status: 'held', limit: 50 })).items.map((d) => d.isn);
    const candidate = (await listDetainees(hf, { status: 'held', limit: 200 })).items.find((d) => seenByBoth.includes(d.isn) && d.custodian === 'HF');
    if (!candidate) throw new Error('no held detainee both agencies may see');
    isn = candidate.isn;
    const aircraft = await world.store.db.selectFrom('aircraft').select('tail').executeTakeFirstOrThrow();
    await createHandover(custodyCtx(hf, keyring), {
      detainee: isn, to: { agency: 'JTF', place: aircraft.tail }, condition: { status: 'fit' }, biometric: { modality: 'fingerprint', score: 0.98 },
      witnesses: [{ name: 'Observer One', role: 'HUM-OBS' }],
    }).catch((e: unknown) => {
      throw e instanceof DomainError ? new Error(`${e.code}: ${e.message}`) : e;
    });
    ({ context, page } = await newPage(world));
    await logIn(page, RECEIVER);
  });

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('the receiving agency signs from its queue; the timeline shows both signatures and a proof verified in the browser', async () => {
    await page.goto('/custody/handovers');
    const row = page.getByTestId('to-sign').getByTestId('handover-row').filter({ hasText: isn });
    await row.waitFor();
    await screenshot(page, 'custody-handovers.png');
    await row.getByRole('button', { name: 'Sign as JTF' }).click();
    await row.waitFor({ state: 'detached' });

    await page.goto(`/detainees/${isn}`);
    await page.getByTestId('custody-timeline-link').click();
    await page.waitForURL(`**/custody/detainees/${isn}`);
    const check = page.getByTestId('browser-check');
    await page.locator('[data-testid="browser-check"]:not([data-state="checking"])').waitFor({ timeout: 30_000 });
    expect(await check.getAttribute('data-state'), await check.innerText()).toBe('verified');
    expect(await page.getByTestId('custodian').innerText()).toMatch(/^JTF at /);

    const handover = page.locator('[data-testid="timeline-entry"][data-type="handover"]').last();
    const signatures = handover.getByTestId('signature');
    expect(await signatures.count()).toBe(2);
    const seen: [string | null, string | null][] = [];
    for (let i = 0; i < 2; i += 1) seen.push([await signatures.nth(i).getAttribute('data-agency'), await signatures.nth(i).getAttribute('data-verified')]);
    expect(seen).toEqual([['HF', 'yes'], ['JTF', 'yes']]);
    expect(await handover.getByTestId('proof-status').getAttribute('data-state')).toBe('verified');
    await handover.scrollIntoViewIfNeeded();
    await screenshot(page, 'custody-timeline.png');
    const intake = page.locator('[data-testid="timeline-entry"][data-type="intake"]');
    expect(await intake.getByTestId('proof-status').getAttribute('data-state')).toBe('verified');
  });

  it('the log page checks the signed head in the browser and runs a full verification with progress, recorded as the last', async () => {
    await page.goto('/custody/log');
    await page.locator('[data-testid="head-signature"][data-state="verified"]').waitFor();
    expect(await page.getByTestId('last-verification').innerText()).toBe('never');
    await page.getByRole('button', { name: 'Verify the whole log' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-ok'), await result.innerText()).toBe('yes');
    await page.getByTestId('last-verification').filter({ hasText: 'intact' }).waitFor();
    expect(await page.getByTestId('last-verification').innerText()).toMatch(new RegExp(`by ${RECEIVER} over [\\d,]+ entries — intact`));
    expect(await page.getByTestId('verification-run').count()).toBe(1);
    await screenshot(page, 'custody-log.png');
  });
});
