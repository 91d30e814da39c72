import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx } from '../../src/access/index.js';
import { changeAgreementStatus, createAgreement, showAgreement } from '../../src/agreements/index.js';
import { checkPlan, exportInstance, planInstance, type TAirliftInstance, type TAirliftPlan } from '../../src/airlift/index.js';
import { nationalityOf, nationalityQuotasOf } from '../../src/airlift/nationality.js';
import { CONDITION_RULES } from '../../src/airlift/conditions.js';
import { FixedClock } from '../../src/kernel/index.js';
import { openScenarioStore, userCtx } from '../support/scenario.js';
import { DIALECTS, type TestStore } from '../support/stores.js';

// The reference scenario exported with the per-nationality quotas of its signed agreements (extension rule
// x-1), then with one more signed agreement capping one nationality tightly: the plan keeps every cap.

/** Arrivals at `dest` per UTC day of detainees of nationality `nat`. */
function arrivalsPerDay(plan: TAirliftPlan, dest: string, nat: string): Map<string, number> {
  const natOf = new Map(plan.instance.detainees.map((d) => [d.id, nationalityOf(d)]));
  const days = new Map<string, number>();
  for (const l of plan.legs) {
    if (l.to !== dest) continue;
    const n = l.alight.filter((id) => natOf.get(id) === nat).length;
    if (n > 0) days.set(l.arrive.slice(0, 10), (days.get(l.arrive.slice(0, 10)) ?? 0) + n);
  }
  return days;
}

describe.each(DIALECTS)('per-nationality quotas of agreements in the airlift (%s)', (dialect) => {
  let store: TestStore;
  const as = (username: string): Promise<Ctx> => userCtx(store.db, username, new FixedClock('2026-01-04T00:00:00Z'));

  beforeAll(async () => {
    store = await openScenarioStore(dialect, { seed: 'reference', detainees: 300, aircraft: 8, campResidents: 0 });
  });
  afterAll(async () => store.drop());

  it('exports each detainee\'s nationality and the signed agreement\'s per-nationality quotas', async () => {
    const instance = await exportInstance(await as('jtf.s'));
    expect(instance.detainees.every((d) => /^[A-Z]{3}$/.test(nationalityOf(d) ?? ''))).toBe(true);
    expect(nationalityQuotasOf(instance)).toEqual([
      { destination: 'BIAP', nationality: 'IRQ', perDay: 70, agreement: 'TA-MAIN-02' },
      { destination: 'BIAP', nationality: 'SYR', perDay: 20, agreement: 'TA-MAIN-02' },
    ]);
    const plan = await planInstance(instance, { allowUndelivered: true });
    expect(checkPlan(plan).violations).toEqual([]);
    for (const n of arrivalsPerDay(plan, 'BIAP', 'SYR').values()) expect(n).toBeLessThanOrEqual(20);
  });

  it('keeps an agreement capping one nationality, which an unconstrained plan would break', async () => {
    const planner = await as('jtf.s');
    const main = await showAgreement(planner, 'TA-MAIN-02');
    const before = await exportInstance(planner);
    // The most common nationality other than the ones the main agreement already caps.
    const counts = new Map<string, number>();
    for (const d of before.detainees) counts.set(nationalityOf(d)!, (counts.get(nationalityOf(d)!) ?? 0) + 1);
    const [nat] = [...counts].filter(([n]) => !(n in main.nationalityQuotas)).sort((a, b) => b[1] - a[1])[0]!;
    await createAgreement(planner, {
      code: 'TA-CAP-09', title: `At most three ${nat} nationals a day`, holdingAgency: main.parties.holding, receivingAgency: main.parties.receiving,
      airliftAgency: main.parties.airlift, destination: 'BIAP', validFrom: '2026-01-01', perDay: 1000, nationalityQuotas: { [nat]: 3 },
      assurances: main.assurances, marking: main.marking,
    });
    await changeAgreementStatus(planner, 'TA-CAP-09', { to: 'negotiating' });
    await changeAgreementStatus(planner, 'TA-CAP-09', { to: 'signed' });
    const instance = await exportInstance(planner);
    expect(nationalityQuotasOf(instance)).toContainEqual({ destination: 'BIAP', nationality: nat, perDay: 3, agreement: 'TA-CAP-09' });
    const plan = await planInstance(instance, { allowUndelivered: true });
    expect(checkPlan(plan).violations).toEqual([]);
    const capped = arrivalsPerDay(plan, 'BIAP', nat);
    expect([...capped.values()].every((n) => n <= 3)).toBe(true);
    const delivered = [...capped.values()].reduce((s, n) => s + n, 0);
    const undelivered = new Set((plan['x-undelivered'] ?? []).map((u) => u.id));
    expect(delivered + instance.detainees.filter((d) => nationalityOf(d) === nat && undelivered.has(d.id)).length).toBe(counts.get(nat));

    // Without the extension the same people arrive faster than the cap allows; the checker says so, by name.
    const bare: TAirliftInstance = { ...instance };
    delete bare['x-nationalityQuotas'];
    // Nor the agreement conditions (x-2 … x-5), which spread arrivals out on their own.
    for (const r of CONDITION_RULES) delete bare[r.field];
    const loose = await planInstance(bare, { allowUndelivered: true });
    expect(Math.max(...arrivalsPerDay(loose, 'BIAP', nat).values())).toBeGreaterThan(3);
    const v = checkPlan({ ...loose, instance: { ...bare, 'x-nationalityQuotas': instance['x-nationalityQuotas'] } }).violations;
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.rule === 'x-1')).toBe(true);
    expect(v.filter((x) => x.message.includes(`nationality ${nat} `))[0]?.message).toMatch(new RegExp(`^BIAP: \\d+ arrivals of nationality ${nat} on 2026-01-\\d\\d, quota 3 \\(agreement TA-CAP-09\\)$`));
    console.info(`reference (300): ${nat} capped at 3/day: expected loss ${plan.objective.expectedLoss.toFixed(2)} vs ${loose.objective.expectedLoss.toFixed(2)} uncapped, `
      + `completion ${String(plan.objective.completionHours?.toFixed(1))} h vs ${String(loose.objective.completionHours?.toFixed(1))} h, undelivered ${undelivered.size} vs ${(loose['x-undelivered'] ?? []).length}`);
  });
});
