import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TAirliftInstance } from './airlift.schemas.js';
import { exactOptimum, exactUnsupported } from './exact.js';
import { planInstance } from './plan.js';

// Tiny instances (two sites, two aircraft, a few dozen detainees) solved exactly by exhaustive search: the
// planner's lower bound never exceeds the optimum, and no plan beats it.

const arbTiny: fc.Arbitrary<TAirliftInstance> = fc
  .record({
    sites: fc.array(fc.record({ dLat: fc.double({ min: -1, max: 1, noNaN: true }), dLon: fc.double({ min: -1.5, max: 1.5, noNaN: true }), hazard: fc.double({ min: 0.001, max: 0.2, noNaN: true }), n: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 2 }),
    planes: fc.array(fc.record({ seats: fc.integer({ min: 4, max: 16 }), speed: fc.integer({ min: 150, max: 400 }), late: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 2 }),
    tier: fc.constantFrom('HIGH', 'MEDIUM', 'LOW'),
    maxHigh: fc.integer({ min: 1, max: 10 }),
  })
  .map((r) => {
    const start = Date.parse('2027-01-05T06:00:00Z');
    const iso = (h: number) => new Date(start + h * 3_600_000).toISOString().replace(/\.000Z$/, 'Z');
    let k = 0;
    return {
      format: 'sallyport.airlift.instance/1', name: 'tiny', start: iso(0),
      nodes: [
        ...r.sites.map((s, i) => ({ id: `O${i}`, kind: 'origin' as const, name: `site ${i}`, lat: 36.3 + s.dLat, lon: 40.5 + s.dLon, landingSlots: 2, hazardPerHour: s.hazard })),
        { id: 'D', kind: 'destination' as const, name: 'destination', lat: 35.5, lon: 42.5, refuel: true, intakePerHour: 1000 },
      ],
      aircraftTypes: r.planes.map((p, i) => ({ id: `T${i}`, seats: p.seats, speedKmh: p.speed, rangeKm: 5000, loadMinutes: 15, unloadMinutes: 10, refuelMinutes: 20, canLandAt: ['origin', 'destination'] as ('origin' | 'destination')[] })),
      aircraft: r.planes.map((p, i) => ({ id: `A${i}`, type: `T${i}`, base: 'D', availableFrom: iso(p.late), availableUntil: iso(24 * 30), maxFlightHoursPerDay: 24 })),
      rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: r.maxHigh, medicSeats: 1, lossWeight: { HIGH: 3, MEDIUM: 1, LOW: 1 } },
      detainees: r.sites.flatMap((s, i) => Array.from({ length: s.n }, () => ({ id: `d${k++}`, site: `O${i}`, tier: r.tier, keepApart: [], medical: false }))),
      quotas: [],
    } satisfies TAirliftInstance;
  });

describe('exact optimum on tiny instances', () => {
  it('bound ≤ optimum ≤ plan', async () => {
    const gaps: number[] = [];
    await fc.assert(
      fc.asyncProperty(arbTiny, async (instance) => {
        expect(exactUnsupported(instance)).toBeNull();
        const plan = await planInstance(instance);
        const optimum = exactOptimum(instance);
        expect(plan.bound.expectedLoss).toBeLessThanOrEqual(optimum * (1 + 1e-9) + 1e-9);
        expect(optimum).toBeLessThanOrEqual(plan.objective.expectedLoss * (1 + 1e-9) + 1e-9);
        if (plan.objective.expectedLoss > 0) gaps.push((plan.objective.expectedLoss - optimum) / plan.objective.expectedLoss);
      }),
      { numRuns: 40, seed: 20270107 },
    );
    expect(gaps.length).toBeGreaterThan(0);
  });

  it('is exact on a case worked by hand: one aircraft, one site, two full loads', () => {
    const start = '2027-01-05T06:00:00Z';
    const instance: TAirliftInstance = {
      format: 'sallyport.airlift.instance/1', name: 'hand', start,
      nodes: [
        { id: 'O', kind: 'origin', name: 'site', lat: 36, lon: 42, landingSlots: 1, hazardPerHour: 0.1 },
        { id: 'D', kind: 'destination', name: 'destination', lat: 36, lon: 42, intakePerHour: 100 },
      ],
      aircraftTypes: [{ id: 'T', seats: 6, speedKmh: 300, rangeKm: 5000, loadMinutes: 30, unloadMinutes: 30, refuelMinutes: 0, canLandAt: ['origin', 'destination'] }],
      aircraft: [{ id: 'A', type: 'T', base: 'D', availableFrom: start, availableUntil: '2027-02-05T06:00:00Z', maxFlightHoursPerDay: 24 }],
      rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: 8, medicSeats: 1 },
      detainees: Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, site: 'O', tier: 'LOW' as const, keepApart: [], medical: false })),
      quotas: [],
    };
    // Site and destination coincide: 5 fit a 6-seat leg with one guard; trips leave at 0.5 h and 1.5 h.
    expect(exactOptimum(instance)).toBeCloseTo(5 * (1 - Math.exp(-0.05)) + 5 * (1 - Math.exp(-0.15)), 12);
  });

  it('names why it does not apply', () => {
    expect(exactUnsupported({ ...({} as TAirliftInstance), detainees: [{ id: 'a', site: 'O', tier: 'LOW', keepApart: ['g'], medical: false }], nodes: [], aircraft: [], quotas: [] } as unknown as TAirliftInstance)).toMatch(/keep-apart/);
  });
});
