import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planInstance, type TAirliftPlan } from '../../src/airlift/index.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, openHttpWorld, problem, type HttpWorld } from '../http/harness.js';
import { tinyInstance } from './fixtures.js';

describe.each(DIALECTS)('HTTP airlift (%s)', (dialect) => {
  let w: HttpWorld;
  let plan: TAirliftPlan;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    plan = await planInstance(tinyInstance());
  });
  afterAll(async () => w?.close());

  it('checks a plan: valid, then every violated rule', async () => {
    const client = await clientFor(w.app, 'reg.usa');
    const ok = await client.send('POST', '/api/airlift/check', plan);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, violations: [] });
    const bad = structuredClone(plan);
    bad.legs[1]!.guards = 0;
    const res = await client.send('POST', '/api/airlift/check', bad);
    expect(res.json()).toMatchObject({ valid: false, violations: [{ rule: 10 }] });
  });

  it('refuses planning to a role without airlift:plan', async () => {
    const client = await clientFor(w.app, 'reg.usa');
    const res = await client.send('POST', '/api/airlift/plan', { instance: tinyInstance() });
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('FORBIDDEN');
  });
});
