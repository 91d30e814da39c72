import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence, createCase, requestDeclass } from '../../src/cases/index.js';
import { listDetainees } from '../../src/registry/index.js';
import { logIn, newPage, openE2eWorld, screenshot, type E2eWorld } from './harness.js';

// A prosecutor of another country (Iraq) cannot see a SECRET intelligence report until its originator (INTEL)
// releases a redacted version; then they see that version, and only that one.
const IRQ = 'irq-moj.s';
const REVIEWER = 'intel.review';
const ORIGINAL = 'The courier named a handler in Mosul and the safe house on the river road.';
const REDACTED = 'The courier named a handler.';

describe('declassification in the browser', () => {
  let world: E2eWorld;
  let contexts: BrowserContext[] = [];

  async function pageAs(username: string): Promise<Page> {
    const { context, page } = await newPage(world);
    contexts.push(context);
    await logIn(page, username);
    return page;
  }

  beforeAll(async () => {
    world = await openE2eWorld();
    const pros = await world.ctxOf('le-id.prosecutor');
    const irqVisible = (await listDetainees(await world.ctxOf(IRQ), { limit: 1 })).items[0]!;
    await createCase(pros, { ref: 'CASE-E2E', title: 'Courier network', detainees: [irqVisible.isn], jurisdiction: { kind: 'receiving', country: 'IRQ' }, charges: ['Membership'] });
    const item = await addEvidence(pros, 'CASE-E2E', {
      kind: 'intelligence-report', agency: 'INTEL', dated: '2026-01-15', description: 'Intercepted courier letter', source: 'Signals collection',
      provenance: 'INTEL collection, shared with LE-ID', content: { body: ORIGINAL }, marking: 'S//NOFORN',
    });
    await requestDeclass(pros, { item: item.ref, audience: { kind: 'prosecutor', country: 'IRQ' }, purpose: 'Trial in Baghdad' });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
    await world?.close();
  });

  it('hides the SECRET report from the Iraqi prosecutor, then shows the redacted version only', async () => {
    const irq = await pageAs(IRQ);
    await irq.goto('/cases/CASE-E2E');
    await irq.getByTestId('readiness').waitFor();
    expect(await irq.getByText('Intercepted courier letter').count()).toBe(0);
    expect(await irq.getByText(/courier named/).count()).toBe(0);
    expect(await irq.getByTestId('banner-top').innerText()).not.toContain('SECRET');
    await screenshot(irq, 'case-before-release.png');

    const reviewer = await pageAs(REVIEWER);
    await reviewer.goto('/declass');
    const entry = reviewer.locator('article.queue-entry', { hasText: 'CASE-E2E' });
    await entry.waitFor();
    await expect.poll(() => entry.getByLabel('Original').innerText()).toContain(ORIGINAL);
    await entry.getByLabel('Decision').selectOption('redact');
    await entry.getByLabel('Marking of the released version').fill('C//REL TO IRQ, USA');
    await entry.getByLabel('Redacted text').fill(REDACTED);
    await entry.getByLabel(/^Reason/).fill('Handler and safe house withheld');
    await entry.getByRole('button', { name: 'Sign and record the decision' }).click();
    await reviewer.getByLabel('Show').selectOption('released');
    const released = reviewer.locator('article.queue-entry', { hasText: 'CASE-E2E' });
    await expect.poll(() => released.getByLabel('Released').innerText()).toContain(REDACTED);
    await screenshot(reviewer, 'declass-queue.png');

    await irq.reload();
    await irq.getByTestId('readiness').waitFor();
    const versions = irq.locator('[data-testid^="version-"]');
    await expect.poll(() => versions.count()).toBe(1);
    expect(await versions.first().getAttribute('data-marking')).toBe('C//REL TO IRQ, USA');
    expect(await versions.first().innerText()).toContain(REDACTED);
    expect(await irq.getByText(/safe house/).count()).toBe(0);
    const banner = await irq.getByTestId('banner-top').innerText();
    expect(banner).toContain('CONFIDENTIAL');
    expect(banner).not.toContain('SECRET');
    await screenshot(irq, 'case-after-release.png');
  });
});
