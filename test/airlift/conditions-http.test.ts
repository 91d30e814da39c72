import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planInstance, type TAirliftInstance, type TAirliftPlan } from '../../src/airlift/index.js';
import { DIALECTS } from '../support/stores.js';
import { buildUser } from '../support/factories.js';
import { clientFor, openHttpWorld, problem, type HttpWorld } from '../http/harness.js';
import { tinyInstance } from './fixtures.js';

// The API face of agreement conditions (extension rules x-2 … x-5): a plan keeps them and carries the
// conditions to check by hand; the check names a broken one by rule; infeasible windows are refused by rule.

const BY_HAND = [{ destination: 'D', agreement: 'TA-HAND', kind: 'other', text: 'Families are told of each arrival.', reason: 'not machine-checkable' }];

describe.each(DIALECTS)('HTTP airlift with agreement conditions (%s)', (dialect) => {
  let w: HttpWorld;
  let plan: TAirliftPlan;
  const observed = (windows: { from: string; until: string }[]): TAirliftInstance => ({ ...tinyInstance(), 'x-observerWindows': [{ destination: 'D', agreement: 'TA-OBS', windows }], 'x-conditionsByHand': BY_HAND });
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    await buildUser(w.store, w.clock, { username: 'plan.usa', agency: 'USA-JTF', clearance: 'S', roles: ['planner'] });
    plan = await planInstance(observed([{ from: '2027-01-05T06:00:00Z', until: '2027-01-15T06:00:00Z' }]));
  });
  afterAll(async () => w?.close());

  it('plans keeping the conditions, and carries those to check by hand', async () => {
    const client = await clientFor(w.app, 'plan.usa');
    const windows = Array.from({ length: 10 }, (_, d) => ({ from: `2027-01-${String(5 + d).padStart(2, '0')}T10:00:00Z`, until: `2027-01-${String(5 + d).padStart(2, '0')}T12:00:00Z` }));
    const res = await client.send('POST', '/api/airlift/plan', { instance: observed(windows) });
    expect(res.statusCode).toBe(200);
    const doc = res.json<TAirliftPlan>();
    expect(doc.instance['x-conditionsByHand']).toEqual(BY_HAND);
    for (const l of doc.legs.filter((x) => x.to === 'D' && x.alight.length > 0)) expect(l.arrive.slice(11, 16) >= '10:00' && l.arrive.slice(11, 16) <= '12:00').toBe(true);
    const checked = await client.send('POST', '/api/airlift/check', doc);
    expect(checked.json()).toMatchObject({ valid: true, violations: [], conditionsByHand: BY_HAND });
  });

  it('names a broken condition by its rule', async () => {
    const client = await clientFor(w.app, 'reg.usa');
    const bad = { ...plan, instance: { ...plan.instance, 'x-observerWindows': [{ destination: 'D', agreement: 'TA-OBS', windows: [] }] } };
    const res = await client.send('POST', '/api/airlift/check', bad);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, violations: [{ rule: 'x-3', message: expect.stringMatching(/outside the observer-present windows \(agreement TA-OBS\)$/) as string }] });
  });

  it('refuses windows no arrival can meet, naming the rule', async () => {
    const client = await clientFor(w.app, 'plan.usa');
    const res = await client.send('POST', '/api/airlift/plan', { instance: observed([]) });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('AIRLIFT_INFEASIBLE');
    expect(JSON.stringify(problem(res))).toMatch(/x-3 observer-present \(agreement TA-OBS\)/);
  });
});
