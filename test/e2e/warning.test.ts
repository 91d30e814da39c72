import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskBoard } from '../../src/warning/index.js';
import { closeSession, openSession, screenshot, type E2eWorld } from './harness.js';

// A planner of the military command imports conflict events near the quietest prison, sees its breach risk rise
// and an alert raised, acknowledges the alert, and sees the acknowledgement on the next call's page.
const USER = 'jtf.s';
const HEADER = 'event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,fatalities,notes';

function csvNear(site: { lat: number; lon: number }, today: string): string {
  const rows = Array.from({ length: 50 }, (_, i) =>
    `E2E${i},${today},Battles,Armed clash,Insurgent Cells (Syria),North-East Security Forces,Syria,Al-Hasakeh,"المالكية – al-Malikiyah",${(site.lat + 0.01).toFixed(4)},${(site.lon + 0.01).toFixed(4)},${10 + (i % 5)},assault on the perimeter`);
  return `${HEADER}\n${rows.join('\n')}\n`;
}

async function percentOf(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).replace(/[^\d.]/g, ''));
}

describe('early warning in the browser, as a planner', () => {
  let world: E2eWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ world, context, page } = await openSession(USER));
  });
  afterAll(async () => closeSession({ world, context, page }));

  it('imports events, sees the site\'s risk rise and an alert, records an observation, and acknowledges the alert', async () => {
    const ctx = await world.ctxOf(USER);
    const board = await riskBoard(ctx);
    const quiet = board.items.filter((i) => i.kind === 'prison' && i.level === 'low').at(-1)!;
    expect(quiet).toBeDefined();
    const site = await ctx.db.selectFrom('facilities').select(['lat', 'lon']).where('code', '=', quiet.facility).executeTakeFirstOrThrow();
    const since = new Date().toISOString();

    await page.goto('/warning');
    await page.getByTestId('risk-board').waitFor();
    const before = await percentOf(page, `p7-${quiet.facility}`);
    expect(await page.getByTestId(`level-${quiet.facility}`).innerText()).toBe('Low');
    await screenshot(page, 'risk-board-before.png');

    await page.getByLabel('Conflict events (ACLED CSV)').setInputFiles({ name: 'acled.csv', mimeType: 'text/csv', buffer: Buffer.from(csvNear(site, since.slice(0, 10)), 'utf8') });
    await page.getByRole('button', { name: 'Import events' }).click();
    await expect.poll(() => page.getByTestId('import-result').innerText()).toMatch(/^Imported 50 events .*; [1-9]\d* alert\(s\) raised\.$/);
    await expect.poll(() => percentOf(page, `p7-${quiet.facility}`)).toBeGreaterThan(before);
    expect(await page.getByTestId(`level-${quiet.facility}`).innerText()).toMatch(/^(Warning|Critical)$/);
    await screenshot(page, 'risk-board-after.png');

    await page.getByRole('link', { name: quiet.name }).click();
    await page.getByTestId('risk-chart').waitFor();
    await page.getByTestId('factor-table').waitFor();
    expect(await page.getByTestId('factor-table').locator('tbody tr').first().innerText()).toMatch(/^Conflict intensity nearby/);
    const siteBefore = await percentOf(page, 'site-p7');
    await page.getByLabel('Guard desertions since last').fill('40');
    await page.getByLabel('Control of the surrounding area').selectOption('hostile');
    await page.getByRole('button', { name: 'Record the observation' }).click();
    await expect.poll(() => percentOf(page, 'site-p7')).toBeGreaterThan(siteBefore);
    await page.getByTestId('indicator-table').waitFor();
    await screenshot(page, 'site-risk.png');

    await page.goto('/warning/alerts');
    const row = page.locator(`tr[data-code="${quiet.facility}"]`).first();
    await row.waitFor();
    await row.getByLabel(`Note on the ${quiet.facility} alert`).fill('tier HIGH moved up the plan');
    await row.getByRole('button', { name: `Acknowledge the ${quiet.facility} alert` }).click();
    await page.getByRole('combobox').selectOption('acknowledged');
    await expect.poll(() => page.locator(`tr[data-code="${quiet.facility}"]`).first().innerText()).toMatch(/Acknowledged by jtf\.s at .*: tier HIGH moved up the plan/);
    await screenshot(page, 'alerts.png');

    // The next call: its page's agenda lists the alert with who acknowledged it and when.
    await page.goto('/coordination');
    await page.getByLabel('Date').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('Title').fill('Call after the alert');
    await page.getByLabel('Agencies (codes, comma-separated)').fill('JTF, HF, IRQ-CTS');
    await page.getByRole('button', { name: 'Create the call' }).click();
    await page.getByRole('heading', { level: 1, name: /Call after the alert/ }).waitFor();
    const alerts = page.getByTestId('agenda').getByRole('region', { name: 'Alerts' });
    await expect.poll(() => alerts.innerText()).toMatch(new RegExp(`${quiet.facility}: (warning|critical) alert, breach within 7 days \\d+ %[^\\n]*— acknowledged by jtf\\.s at \\d{4}-`));
    await screenshot(page, 'call-with-acknowledged-alert.png');
  });
});
