import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx } from '../../src/access/index.js';
import { listAgreements } from '../../src/agreements/index.js';
import { exportInstance } from '../../src/airlift/index.js';
import { FixedClock } from '../../src/kernel/index.js';
import { backtest, listAlerts, planningHazards, riskBoard } from '../../src/warning/index.js';
import { openScenarioStore, userCtx } from '../support/scenario.js';
import { DIALECTS, type TestStore } from '../support/stores.js';

// The scenario's warning history, loaded: alerts over the weeks before the airlift, the back-test, the
// agreements, and the airlift instance taking its hazards and quotas from them.
const AIRLIFT_START = '2026-01-05T06:00:00Z';

describe.each(DIALECTS)('the scenario\'s early-warning history (%s)', (dialect) => {
  let store: TestStore;
  const as = (username: string): Promise<Ctx> => userCtx(store.db, username, new FixedClock('2026-02-01T00:00:00Z'));

  beforeAll(async () => {
    store = await openScenarioStore(dialect, { seed: 'reference', detainees: 300, aircraft: 8, campResidents: 0 });
  });
  afterAll(async () => store.drop());

  it('back-tests the model on the generated history and prints the figures', async () => {
    const b = await backtest(await as('jtf.ts'));
    console.info(`back-test (seed reference): first to fall ${b.firstFallen} at ${b.firstFallAt}; ranked highest ${b.rankedFirst}/${b.rankedOf} days `
      + `(${b.rankedFirstLast14Days}/${b.rankedOfLast14Days} in the last 14); Brier ${b.brier?.toFixed(4)} (base rate ${b.brierBaseRate?.toFixed(4)}) over ${b.forecasts} forecasts`);
    expect(b.breaches.length).toBe(2);
    expect(b.firstFallen).toBe(b.breaches[0]!.facility);
    expect(b.rankedFirstLast14Days / b.rankedOfLast14Days).toBeGreaterThanOrEqual(0.8);
    expect(b.brier!).toBeLessThan(b.brierBaseRate!);
  });

  it('raised alerts over the history, and the board before the airlift ranks the first to fall among the top two', async () => {
    const ctx = await as('jtf.ts');
    const alerts = await listAlerts(ctx, { limit: 500 });
    expect(alerts.items.length).toBeGreaterThan(0);
    expect(alerts.items.every((a) => a.status === 'open' && a.asOf < AIRLIFT_START.replace('05T06', '25T00'))).toBe(true);
    const b = await backtest(ctx);
    const board = await riskBoard(ctx, { asOf: AIRLIFT_START });
    expect(board.items.slice(0, 2).map((i) => i.facility)).toContain(b.firstFallen);
    expect(board.marking).toBe('S//REL TO IRQ, USA');
    const lower = await riskBoard(await as('jtf.c'), { asOf: AIRLIFT_START });
    expect(lower.marking).toBe('C//REL TO IRQ, SYR, USA');
  });

  it('seeds agreements; the airlift instance takes the signed quota and the model\'s hazards', async () => {
    const planner = await as('jtf.s');
    const agreements = await listAgreements(planner);
    expect(agreements.items.map((a) => [a.code, a.status])).toEqual([['TA-FTF-03', 'negotiating'], ['TA-MAIN-02', 'signed'], ['TA-PILOT-01', 'suspended']]);
    const instance = await exportInstance(planner);
    expect(instance.start.slice(0, 10)).toBe('2026-01-05');
    expect(instance.quotas).toEqual([{ destination: 'BIAP', perDay: 100 }]);
    expect((instance as Record<string, unknown>)['x-agreements']).toHaveLength(1);
    const hazards = await planningHazards(planner, instance.start);
    const origins = instance.nodes.filter((n) => n.kind === 'origin');
    expect(origins.length).toBeGreaterThan(0);
    for (const o of origins) expect(o.hazardPerHour).toBe(hazards.get(o.id));
  });
});
