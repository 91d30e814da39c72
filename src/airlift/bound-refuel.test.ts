import { describe, expect, it } from 'vitest';
import type { TAirliftInstance } from './airlift.schemas.js';
import { computeBound } from './bound.js';
import { checkPlan } from './check.js';
import { compileNetwork } from './network.js';
import { planInstance } from './plan.js';

// The bound charges refuelling: a tank that lasts one round trip makes the second trip wait for a refuel. Worked
// by hand on one aircraft, one site and one destination 100 km apart at 100 km/h (a round trip uses the whole
// 200 km of range): trips leave the site at 1.1 h and, after unloading, an hour's refuel and the flight back,
// at 4.3 h. Without the refuel the second could leave at 3.3 h.

function instance(refuelMinutes: number): TAirliftInstance {
  const start = '2027-01-05T06:00:00Z';
  // 100 km due north of the destination (great circle on the format's sphere).
  const dLat = (100 / 6371.0088) * (180 / Math.PI);
  return {
    format: 'sallyport.airlift.instance/1', name: 'refuel', start,
    nodes: [
      { id: 'O', kind: 'origin', name: 'site', lat: 36 + dLat, lon: 42, landingSlots: 1, hazardPerHour: 0.1 },
      { id: 'D', kind: 'destination', name: 'destination', lat: 36, lon: 42, refuel: true, intakePerHour: 100 },
    ],
    aircraftTypes: [{ id: 'T', seats: 6, speedKmh: 100, rangeKm: 200.01, loadMinutes: 6, unloadMinutes: 6, refuelMinutes, canLandAt: ['origin', 'destination'] }],
    aircraft: [{ id: 'A', type: 'T', base: 'D', availableFrom: start, availableUntil: '2027-01-12T06:00:00Z', maxFlightHoursPerDay: 24 }],
    rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: 8, medicSeats: 1 },
    detainees: Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, site: 'O', tier: 'LOW' as const, keepApart: [], medical: false })),
    quotas: [],
  };
}

/** Five detainees (and a guard) per trip; the loss of trips leaving the site at `first` and `second` hours. */
const lossAt = (first: number, second: number) => 5 * (1 - Math.exp(-0.1 * first)) + 5 * (1 - Math.exp(-0.1 * second));

describe('lower bound with refuelling', () => {
  it('stays below the optimum worked by hand and above the bound that ignores refuelling', async () => {
    const optimum = lossAt(1.1, 4.3);
    const bound = await computeBound(compileNetwork(instance(60)));
    expect(bound.expectedLoss).toBeLessThanOrEqual(optimum);
    // Without refuelling the optimum is lossAt(1.1, 3.3); the refuelling rows must show in the bound.
    const noRefuel = await computeBound(compileNetwork(instance(0)));
    expect(noRefuel.expectedLoss).toBeLessThanOrEqual(lossAt(1.1, 3.3));
    // (The allowance of a free tank and the last flight out keeps the lift small on two trips: 1.80 → 1.83.)
    expect(bound.expectedLoss).toBeGreaterThan(noRefuel.expectedLoss + 0.01);
  });

  it('brackets the planner: bound ≤ hand optimum ≤ plan, and the plan refuels', async () => {
    const plan = await planInstance(instance(60));
    expect(checkPlan(plan).violations).toEqual([]);
    expect(plan.legs.some((l) => l.refuelBefore)).toBe(true);
    expect(plan.bound.expectedLoss).toBeLessThanOrEqual(lossAt(1.1, 4.3));
    expect(lossAt(1.1, 4.3)).toBeLessThanOrEqual(plan.objective.expectedLoss + 1e-9);
  });
});
