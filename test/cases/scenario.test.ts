import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx } from '../../src/access/index.js';
import { casesAgendaSource, casesOutcomeSource, declassQueue, listCases, showCase } from '../../src/cases/index.js';
import { memoryKeyring } from '../../src/custody/index.js';
import { openScenarioStore, userCtx } from '../support/scenario.js';
import { DIALECTS, type TestStore } from '../support/stores.js';


describe.each(DIALECTS)('the reference case files on %s', (dialect) => {
  let store: TestStore;
  const as = (username: string): Promise<Ctx> => userCtx(store.db, username);
  beforeAll(async () => {
    store = await openScenarioStore(dialect, { seed: 'cases', detainees: 300, aircraft: 2, campResidents: 60 }, { demoPassword: 'cases-demo-password', keyring: memoryKeyring() });
  });
  afterAll(async () => store.drop());

  it('seeds case files with evidence and requests in every state', async () => {
    const pros = await as('le-id.prosecutor');
    const cases = (await listCases(pros)).items;
    expect(cases.map((c) => c.ref)).toEqual(expect.arrayContaining(['CASE-2026-0001', 'CASE-2026-0004']));
    expect(cases.every((c) => c.evidence >= 3)).toBe(true);
    const queue = await declassQueue(await as('intel.review'), { status: 'all' });
    expect(new Set(queue.items.map((q) => q.status))).toEqual(new Set(['pending', 'released', 'awaiting-confirmation', 'denied']));
    expect(queue.overdue).toBeGreaterThanOrEqual(1);
  });

  it('shows the receiving country\'s prosecutor the redacted report only', async () => {
    const irq = await as('irq-moj.s');
    const file = await showCase(irq, 'CASE-2026-0002');
    expect(file.detainees.length).toBeGreaterThan(0);
    const reports = file.items.filter((i) => i.kind === 'intelligence-report');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.versions.map((v) => [v.origin, v.marking])).toEqual([['redaction', 'C//REL TO IRQ, USA']]);
    expect(file.readiness.releasable).toBeGreaterThanOrEqual(3);
  });

  it('contributes to the agenda and the outcome figures within scope', async () => {
    const review = await as('intel.review');
    const now = new Date().toISOString();
    const items = await casesAgendaSource.items(review, { since: new Date(Date.now() - 30 * 86_400_000).toISOString(), until: now });
    expect(items.some((i) => i.severity === 'warning' && i.title.includes('overdue'))).toBe(true);
    expect(items.some((i) => i.severity === 'info')).toBe(true);
    const pros = await as('le-id.prosecutor');
    const figures = new Map((await casesOutcomeSource.figures(pros, now)).map((f) => [f.key, f]));
    expect(figures.get('cases.open')?.value).toBe(4);
    expect(figures.get('cases.evidence')?.value).toBe(15);
    const irqFigures = new Map((await casesOutcomeSource.figures(await as('irq-moj.s'), now)).map((f) => [f.key, f]));
    expect(irqFigures.get('cases.evidence')!.value).toBeLessThan(15);
    expect(await casesAgendaSource.items(await as('hf.ts'), { since: '2000-01-01T00:00:00Z', until: now })).toEqual([]);
  });
});
