import type { TAirliftInstance } from '../../src/airlift/index.js';

/** A tiny instance: one prison, a staging airfield, the destination, one helicopter and two detainees. */
export function tinyInstance(): TAirliftInstance {
  return {
    format: 'sallyport.airlift.instance/1',
    name: 'tiny',
    start: '2027-01-05T06:00:00Z',
    nodes: [
      { id: 'O', kind: 'origin', name: 'prison', lat: 36.47, lon: 40.73, landingSlots: 1, hazardPerHour: 0.01 },
      { id: 'S', kind: 'staging', name: 'staging', lat: 36.99, lon: 41.95, refuel: true, holdingCapacity: 100, maxHoldHours: 24 },
      { id: 'D', kind: 'destination', name: 'destination', lat: 33.26, lon: 44.23, refuel: true, intakePerHour: 100 },
    ],
    aircraftTypes: [{ id: 'H', seats: 10, speedKmh: 300, rangeKm: 800, loadMinutes: 10, unloadMinutes: 10, refuelMinutes: 20, canLandAt: ['origin', 'staging', 'destination', 'refuel'] }],
    aircraft: [{ id: 'A1', type: 'H', base: 'S', availableFrom: '2027-01-05T06:00:00Z', availableUntil: '2027-01-15T06:00:00Z', maxFlightHoursPerDay: 10 }],
    rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: 2, medicSeats: 1, lossWeight: { HIGH: 3, MEDIUM: 1, LOW: 1 } },
    detainees: [
      { id: 'd1', site: 'O', tier: 'LOW', keepApart: ['g1'], medical: false },
      { id: 'd2', site: 'O', tier: 'HIGH', keepApart: ['g2'], medical: false },
    ],
    quotas: [],
  };
}
