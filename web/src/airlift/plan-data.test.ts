import { describe, expect, it } from 'vitest';
import type { TAirliftPlan } from '../../../src/airlift/airlift.schemas.js';
import { cumulativeHazard, evacuationCurves, ganttBars, lossCurves } from './plan-data.js';

const plan = {
  format: 'sallyport.airlift.plan/1',
  instance: {
    format: 'sallyport.airlift.instance/1', name: 't', start: '2027-01-05T00:00:00Z',
    nodes: [
      { id: 'O', kind: 'origin', name: 'o', lat: 0, lon: 0, landingSlots: 1, hazardPerHour: 0.1, hazardSchedule: [{ from: '2027-01-05T02:00:00Z', perHour: 0.5 }] },
      { id: 'D', kind: 'destination', name: 'd', lat: 0, lon: 1, intakePerHour: 10 },
    ],
    aircraftTypes: [], aircraft: [{ id: 'A', type: 'T', base: 'D', availableFrom: '2027-01-05T00:00:00Z', availableUntil: '2027-01-06T00:00:00Z', maxFlightHoursPerDay: 10 }],
    rules: { escortPerDetainee: { HIGH: 0, MEDIUM: 0, LOW: 0 }, maxHighRiskPerLeg: 1, medicSeats: 0, lossWeight: { HIGH: 3, MEDIUM: 1, LOW: 1 } },
    detainees: [{ id: 'a', site: 'O', tier: 'HIGH', keepApart: [], medical: false }, { id: 'b', site: 'O', tier: 'LOW', keepApart: [], medical: false }],
    quotas: [],
  },
  legs: [
    { aircraft: 'A', from: 'O', to: 'D', depart: '2027-01-05T01:00:00Z', arrive: '2027-01-05T02:00:00Z', refuelBefore: false, board: ['a'], alight: ['a'], guards: 0, medic: false, sortie: 'A/1' },
    { aircraft: 'A', from: 'O', to: 'D', depart: '2027-01-05T03:00:00Z', arrive: '2027-01-05T04:00:00Z', refuelBefore: false, board: ['b'], alight: ['b'], guards: 0, medic: false, sortie: 'A/2' },
  ],
  objective: { expectedLoss: 0, completionHours: 4, flightHours: 2 },
  bound: { expectedLoss: 0, completionHours: 0, method: 'none' },
} as unknown as TAirliftPlan;

describe('plan page data', () => {
  it('integrates the hazard over its schedule', () => {
    const h = cumulativeHazard(plan, 'O');
    expect(h(1)).toBeCloseTo(0.1);
    expect(h(3)).toBeCloseTo(0.2 + 0.5);
  });

  it('draws the timeline, the evacuation of each site and the expected loss as flown and had nobody moved', () => {
    const g = ganttBars(plan);
    expect(g).toMatchObject({ rows: ['A'], end: 4 });
    const [site] = evacuationCurves(plan);
    expect(site!.points[0]).toEqual({ t: 0, v: 2 });
    expect(site!.points[site!.points.length - 1]).toEqual({ t: 3, v: 0 });
    const [flown, nobody] = lossCurves(plan, 4, 4);
    expect(flown!.points[0]!.v).toBe(0);
    // By 4 h: a left at 1 h (Λ = 0.1), b at 3 h (Λ = 0.7); weights 3 and 1.
    expect(flown!.points[4]!.v).toBeCloseTo(3 * (1 - Math.exp(-0.1)) + (1 - Math.exp(-0.7)));
    expect(nobody!.points[4]!.v).toBeCloseTo(4 * (1 - Math.exp(-1.2)));
  });
});
