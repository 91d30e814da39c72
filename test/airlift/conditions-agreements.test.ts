import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx } from '../../src/access/index.js';
import { changeAgreementStatus, createAgreement, showAgreement, type TAgreementInput } from '../../src/agreements/index.js';
import { checkPlan, exportInstance, planInstance } from '../../src/airlift/index.js';
import { conditionsOf } from '../../src/airlift/conditions.js';
import { FixedClock, isDomainError } from '../../src/kernel/index.js';
import { openScenarioStore, userCtx } from '../support/scenario.js';
import { DIALECTS, type TestStore } from '../support/stores.js';

// The conditions of signed agreements in force at the plan's start become the instance fields of extension rules
// x-2 … x-5 (and `x-conditionsByHand`); drafts and suspended agreements give nothing. The plan keeps them.

describe.each(DIALECTS)('agreement conditions exported to the airlift planner (%s)', (dialect) => {
  let store: TestStore;
  const as = (username: string): Promise<Ctx> => userCtx(store.db, username, new FixedClock('2026-01-04T00:00:00Z'));

  /** A new agreement at BIAP with these conditions, taken to `status`. */
  async function agreement(code: string, conditions: TAgreementInput['conditions'], status: 'draft' | 'signed' | 'suspended'): Promise<void> {
    const planner = await as('jtf.s');
    const main = await showAgreement(planner, 'TA-MAIN-02');
    await createAgreement(planner, {
      code, title: `Conditions ${code}`, holdingAgency: main.parties.holding, receivingAgency: main.parties.receiving, airliftAgency: main.parties.airlift,
      destination: 'BIAP', validFrom: '2026-01-01', perDay: 5000, assurances: main.assurances, conditions, marking: main.marking,
    });
    if (status === 'draft') return;
    await changeAgreementStatus(planner, code, { to: 'negotiating' });
    await changeAgreementStatus(planner, code, { to: 'signed' });
    if (status === 'suspended') await changeAgreementStatus(planner, code, { to: 'suspended' });
  }

  beforeAll(async () => {
    store = await openScenarioStore(dialect, { seed: 'reference', detainees: 120, aircraft: 8, campResidents: 0 });
  });
  afterAll(async () => store.drop());

  it('exports the conditions of the signed agreement in force only (the suspended pilot and the draft give nothing)', async () => {
    const instance = await exportInstance(await as('jtf.s'));
    const c = conditionsOf(instance);
    expect(c.windows['x-observerWindows'].map((e) => e.agreement)).toEqual(['TA-MAIN-02']);
    // No stated hours: the default 06:00–18:00 at BIAP's nominal local time (UTC+3).
    expect(c.windows['x-observerWindows'][0]!.windows.every((w) => w.from.endsWith('T03:00:00Z') && w.until.endsWith('T15:00:00Z'))).toBe(true);
    expect(c.windows['x-screeningWindows'].map((e) => e.agreement)).toEqual(['TA-MAIN-02']);
    expect(c.notice).toEqual([{ destination: 'BIAP', hours: 12, agreement: 'TA-MAIN-02', text: expect.stringContaining('12 hours') as string }]);
    // TA-FTF-03 (daylight) is still negotiating.
    expect(c.windows['x-daylightWindows']).toEqual([]);
    const plan = await planInstance(instance, { allowUndelivered: true });
    expect(checkPlan(plan).violations).toEqual([]);
    const arrivals = plan.legs.filter((l) => l.to === 'BIAP' && l.alight.length > 0);
    expect(arrivals.length).toBeGreaterThan(0);
    for (const l of arrivals) expect(Number(l.arrive.slice(11, 13))).toBeGreaterThanOrEqual(3);
    for (const l of arrivals) expect(l.arrive.slice(11, 16) <= '15:00').toBe(true);
  });

  it('a newly signed agreement adds its rules; draft and suspended ones are ignored; "other" is listed to check by hand', async () => {
    await agreement('TA-SUN-10', [{ kind: 'daylight-arrivals', text: 'Arrivals in daylight.' }, { kind: 'other', text: 'The families are informed of each arrival.' }], 'signed');
    await agreement('TA-DRAFT-11', [{ kind: 'daylight-arrivals', text: 'Daylight.' }, { kind: 'other', text: 'draft only' }], 'draft');
    await agreement('TA-SUSP-12', [{ kind: 'observer-present', text: 'Observer 01:00-02:00 UTC.' }, { kind: 'manifest-notice-hours', text: 'A week ahead.', value: 168 }], 'suspended');
    const instance = await exportInstance(await as('jtf.s'));
    const c = conditionsOf(instance);
    expect(c.windows['x-daylightWindows'].map((e) => e.agreement)).toEqual(['TA-SUN-10']);
    expect(c.windows['x-observerWindows'].map((e) => e.agreement)).toEqual(['TA-MAIN-02']);
    expect(c.notice.map((n) => n.agreement)).toEqual(['TA-MAIN-02']);
    expect(c.byHand).toEqual([{ destination: 'BIAP', agreement: 'TA-SUN-10', kind: 'other', text: 'The families are informed of each arrival.', reason: 'not machine-checkable' }]);
    const plan = await planInstance(instance, { allowUndelivered: true });
    expect(checkPlan(plan).violations).toEqual([]);
    // Against the same plan, an instance whose daylight were the observer's night breaks x-2, named.
    const night = c.windows['x-daylightWindows'][0]!.windows.map((w) => ({ from: w.until, until: w.until.replace(/T\d\d:\d\d:\d\dZ$/, 'T23:59:00Z') }));
    const v = checkPlan({ ...plan, instance: { ...plan.instance, 'x-daylightWindows': [{ destination: 'BIAP', agreement: 'TA-SUN-10', windows: night }] } }).violations;
    expect(v.length).toBeGreaterThan(0);
    expect(v[0]!.message).toMatch(/^BIAP: .* outside the daylight-arrivals windows \(agreement TA-SUN-10\)$/);
  });

  it('refuses a plan no arrival can satisfy, naming the rule and the agreement', async () => {
    await agreement('TA-LATE-13', [{ kind: 'manifest-notice-hours', text: 'Manifests three months ahead.', value: 24 * 90 }], 'signed');
    const instance = await exportInstance(await as('jtf.s'));
    try {
      await planInstance(instance);
      expect.unreachable('planned');
    } catch (e) {
      expect(isDomainError(e) && e.code === 'AIRLIFT_INFEASIBLE').toBe(true);
      expect(String((e as Error).message)).toMatch(/x-4 manifest-notice-hours \(agreement TA-LATE-13\) of 2160 h/);
    }
  });
});
