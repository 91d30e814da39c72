import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TAirliftPlan } from '../../../src/airlift/airlift.schemas.js';
import { Conditions } from './Conditions.js';

afterEach(cleanup);

const BASE: TAirliftPlan = {
  format: 'sallyport.airlift.plan/1',
  instance: {
    format: 'sallyport.airlift.instance/1', name: 'tiny', start: '2027-01-05T06:00:00Z',
    nodes: [
      { id: 'O', kind: 'origin', name: 'prison', lat: 36.47, lon: 40.73, landingSlots: 1, hazardPerHour: 0.01 },
      { id: 'D', kind: 'destination', name: 'destination', lat: 33.26, lon: 44.23, refuel: true, intakePerHour: 100 },
    ],
    aircraftTypes: [{ id: 'H', seats: 10, speedKmh: 300, rangeKm: 800, loadMinutes: 10, unloadMinutes: 10, refuelMinutes: 20, canLandAt: ['origin', 'destination'] }],
    aircraft: [{ id: 'A1', type: 'H', base: 'D', availableFrom: '2027-01-05T06:00:00Z', availableUntil: '2027-01-15T06:00:00Z', maxFlightHoursPerDay: 10 }],
    rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: 2, medicSeats: 1 },
    detainees: [{ id: 'd1', site: 'O', tier: 'LOW', keepApart: [], medical: false }],
    quotas: [],
  },
  legs: [
    { aircraft: 'A1', from: 'D', to: 'O', depart: '2027-01-05T18:00:00Z', arrive: '2027-01-05T19:30:00Z', refuelBefore: false, board: [], alight: [], guards: 0, medic: false },
    { aircraft: 'A1', from: 'O', to: 'D', depart: '2027-01-05T20:00:00Z', arrive: '2027-01-05T21:30:00Z', refuelBefore: false, board: ['d1'], alight: ['d1'], guards: 1, medic: false },
  ],
  objective: { expectedLoss: 0.1, completionHours: 15.5, flightHours: 3 },
  bound: { expectedLoss: 0, completionHours: 0, method: 'test' },
};

describe('the plan\'s agreement conditions', () => {
  it('shows nothing when the plan has no condition', () => {
    const { container } = render(<Conditions plan={BASE} />);
    expect(container.innerHTML).toBe('');
  });

  it('lists the rules kept, draws their windows with the arrivals, and the conditions to check by hand', () => {
    const plan: TAirliftPlan = {
      ...BASE,
      instance: {
        ...BASE.instance,
        'x-observerWindows': [{ destination: 'D', agreement: 'TA-OBS', text: 'Observer 18:00-23:00.', windows: [{ from: '2027-01-05T18:00:00Z', until: '2027-01-05T23:00:00Z' }] }],
        'x-manifestNotice': [{ destination: 'D', hours: 12, agreement: 'TA-NOTE' }],
        'x-conditionsByHand': [{ destination: 'D', agreement: 'TA-HAND', kind: 'other', text: 'Families are told of each arrival.', reason: 'not machine-checkable' }],
      },
    };
    render(<Conditions plan={plan} />);
    const rows = screen.getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([
      'x-3observer-presentDTA-OBSarrivals 18:00–23:00 UTC on the first day (1 window, 2027-01-05 … 2027-01-05)Observer 18:00-23:00.',
      'x-4manifest-notice-hoursDTA-NOTErides depart ≥ 12 h after the start (manifest notice)',
    ]);
    const strip = screen.getByTestId('condition-windows');
    expect(strip.querySelectorAll('line')).toHaveLength(1);
    expect(strip.getAttribute('aria-label')).toBe('Arrival windows of 1 conditions');
    expect(screen.getByTestId('conditions-by-hand').textContent).toMatch(/other at D \(agreement TA-HAND\): Families are told of each arrival\./);
  });
});
