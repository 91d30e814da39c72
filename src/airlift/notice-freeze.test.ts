import { describe, expect, it } from 'vitest';
import { tinyInstance } from '../../test/airlift/fixtures.js';
import type { TAirliftInstance, TDisruption } from './airlift.schemas.js';
import { checkPlan } from './check.js';
import { noticeFrozenSorties, withNoticeFrozen } from './notice-freeze.js';
import { planInstance } from './plan.js';
import { replan } from './replan.js';

// Extension rule x-4 on re-planning: the manifests of sorties that depart towards the destination within the
// notice after the disruption are frozen (kept exactly), unless the disruption itself forbids them.

const HOUR = 3_600_000;
const at = (instance: TAirliftInstance, h: number) => new Date(Date.parse(instance.start) + h * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');

function instanceWithNotice(hours: number): TAirliftInstance {
  const i = tinyInstance();
  return {
    ...i,
    aircraft: [...i.aircraft, { ...i.aircraft[0]!, id: 'A2' }],
    detainees: Array.from({ length: 60 }, (_, k) => ({ id: `d${k}`, site: 'O', tier: 'LOW' as const, keepApart: [], medical: false })),
    'x-manifestNotice': [{ destination: 'D', hours, agreement: 'TA-NOTE' }],
  };
}

describe('manifest notice on re-planning (x-4)', () => {
  it('freezes the sorties departing towards D within the notice, except those of the aircraft lost', async () => {
    const instance = instanceWithNotice(6);
    const plan = await planInstance(instance);
    expect(checkPlan(plan).violations).toEqual([]);
    const disruption: TDisruption = { kind: 'aircraft-out-of-service', aircraft: 'A2', at: at(instance, 9) };
    const frozen = noticeFrozenSorties(plan, disruption);
    const expected = new Set(plan.legs.filter((l) => l.aircraft === 'A1' && l.board.length > 0 && l.depart >= disruption.at && l.depart < at(instance, 15)).map((l) => l.sortie!));
    expect(expected.size).toBeGreaterThan(0);
    expect(frozen).toEqual(expected);

    const { plan: next, diff } = await replan(plan.instance, plan, disruption);
    expect(checkPlan(next).violations).toEqual([]);
    // Every frozen sortie flies exactly as it was.
    for (const label of frozen) {
      expect(next.legs.filter((l) => l.sortie === label)).toEqual(plan.legs.filter((l) => l.sortie === label));
      expect(diff.frozen).toContain(label);
    }
    // Rides planned anew give their notice from the disruption on.
    const old = new Set(plan.legs.map((l) => JSON.stringify(l)));
    for (const l of next.legs.filter((x) => x.board.length > 0 && !old.has(JSON.stringify(x)))) expect(l.depart >= at(instance, 15)).toBe(true);
  });

  it('changes nothing for a plan without a notice', async () => {
    const i = tinyInstance();
    const plan = await planInstance(i);
    const disruption: TDisruption = { kind: 'landing-zone-closed', node: 'S', at: at(i, 1) };
    expect(noticeFrozenSorties(plan, disruption).size).toBe(0);
    expect(withNoticeFrozen(plan, disruption, undefined)).toBeUndefined();
    const given = new Set(['x']);
    expect(withNoticeFrozen(plan, disruption, given)).toBe(given);
  });
});
