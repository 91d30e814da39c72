import { describe, expect, it } from 'vitest';
import { tinyInstance } from '../../test/airlift/fixtures.js';
import type { TAirliftInstance } from './airlift.schemas.js';
import { planInstance } from './plan.js';

// An instance no plan can serve is refused before planning, with the detainee and the binding constraint named.

async function refusal(instance: TAirliftInstance, opts = {}): Promise<{ message: string; details: Record<string, unknown> }> {
  try {
    await planInstance(instance, opts);
  } catch (e) {
    const err = e as { code?: string; message: string; details: Record<string, unknown> };
    expect(err.code).toBe('AIRLIFT_INFEASIBLE');
    expect(typeof err.details.constraint).toBe('string');
    return err;
  }
  throw new Error('the instance was planned, not refused');
}

describe('infeasible instances are refused with the binding constraint named', () => {
  it('a high-risk detainee when the cap is 0 (rule 11)', async () => {
    const i = tinyInstance();
    const e = await refusal({ ...i, rules: { ...i.rules, maxHighRiskPerLeg: 0 } });
    expect(e.details).toMatchObject({ detainee: 'd2', field: 'detainees.d2' });
    expect(e.message).toMatch(/maxHighRiskPerLeg is 0/);
  });

  it('a nationality whose quota is 0 at every destination (extension rule x-1), naming the nationality and the agreement', async () => {
    const i = tinyInstance();
    const detainees = i.detainees.map((d, k) => ({ ...d, 'x-nationality': k === 0 ? 'IRQ' : 'FRA' }));
    const zero = [{ destination: 'D', nationality: 'FRA', perDay: 0, agreement: 'TA-7' }, { destination: 'D', nationality: 'IRQ', perDay: 5, agreement: 'TA-7' }];
    const e = await refusal({ ...i, detainees, 'x-nationalityQuotas': zero });
    expect(e.details).toMatchObject({ detainee: 'd2' });
    expect(e.message).toMatch(/nationality FRA has a daily quota of 0 at every destination \(agreement TA-7\)/);
    // A second destination that takes the nationality makes it carriable.
    const other = { ...i.nodes[2]!, id: 'D2', lat: 34 };
    const plan = await planInstance({ ...i, nodes: [...i.nodes, other], detainees, 'x-nationalityQuotas': zero }, { allowUndelivered: true });
    expect(plan.legs.some((l) => l.to === 'D2' && l.alight.includes('d2'))).toBe(true);
  });

  it('too few seats for a detainee, its escort and a medic (rules 9, 10, 13)', async () => {
    const i = tinyInstance();
    const e = await refusal({ ...i, aircraftTypes: [{ ...i.aircraftTypes[0]!, seats: 2 }], detainees: [{ ...i.detainees[1]!, medical: true }] });
    expect(e.message).toMatch(/needs 3 seats \(self, escort, medic\) but the largest aircraft landing at origins has 2/);
  });

  it('no aircraft that lands at origins (rule 5)', async () => {
    const i = tinyInstance();
    const e = await refusal({ ...i, aircraftTypes: [{ ...i.aircraftTypes[0]!, canLandAt: ['staging', 'destination'] }] });
    expect(e.message).toMatch(/no aircraft type can land at an origin/);
  });

  it('a detainee whose site is not an origin (rule 1)', async () => {
    const i = tinyInstance();
    const e = await refusal({ ...i, detainees: [{ ...i.detainees[0]!, site: 'S' }] });
    expect(e.message).toMatch(/site S is not an origin/);
  });

  it('no destination (rule 18)', async () => {
    const i = tinyInstance();
    const e = await refusal({ ...i, nodes: i.nodes.filter((n) => n.kind !== 'destination') });
    expect(e.message).toMatch(/no destination/);
  });

  it('every destination with a quota of 0 (rule 16)', async () => {
    const e = await refusal({ ...tinyInstance(), quotas: [{ destination: 'D', perDay: 0 }] });
    expect(e.message).toMatch(/daily quota of 0/);
  });

  it('a site out of range, refuel stops included (rule 6)', async () => {
    const i = tinyInstance();
    const far = { ...i, nodes: i.nodes.map((n) => (n.id === 'O' ? { ...n, lat: 10, lon: 10 } : n)) };
    const e = await refusal(far);
    expect(e.message).toMatch(/no aircraft can reach site O .* within its range, refuel stops included/);
  });

  it('no aircraft ever available (rule 2)', async () => {
    const i = tinyInstance();
    const e = await refusal({ ...i, aircraft: [{ ...i.aircraft[0]!, availableUntil: i.aircraft[0]!.availableFrom }] });
    expect(e.message).toMatch(/ever available/);
  });

  it('capacity that runs out within the availability windows, unless undelivered detainees are allowed', async () => {
    const i = tinyInstance();
    const short = { ...i, aircraft: [{ ...i.aircraft[0]!, availableUntil: '2027-01-05T07:10:00Z' }], detainees: Array.from({ length: 30 }, (_, k) => ({ id: `d${k}`, site: 'O', tier: 'LOW' as const, keepApart: [], medical: false })) };
    const e = await refusal(short);
    expect(e.details.constraint).toBe('capacity over the availability windows');
    expect((e.details.stranded as string[]).length).toBeGreaterThan(0);
    const plan = await planInstance(short, { allowUndelivered: true });
    expect(plan['x-undelivered']?.length).toBeGreaterThan(0);
  });
});
