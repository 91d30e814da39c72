import fc from 'fast-check';
import type { TAirliftInstance } from '../../src/airlift/index.js';

const TIERS = ['HIGH', 'MEDIUM', 'LOW'] as const;

/** Random small instances: 1–3 sites, optional staging and shuttle, 1–3 helicopter types, up to 30 detainees. */
export const arbInstance: fc.Arbitrary<TAirliftInstance> = fc
  .record({
    sites: fc.array(fc.record({ dLat: fc.double({ min: -1, max: 1, noNaN: true }), dLon: fc.double({ min: -1.5, max: 1.5, noNaN: true }), slots: fc.integer({ min: 1, max: 3 }), hazard: fc.double({ min: 0, max: 0.05, noNaN: true }) }), { minLength: 1, maxLength: 3 }),
    staging: fc.boolean(),
    holding: fc.integer({ min: 5, max: 60 }),
    shuttle: fc.boolean(),
    intake: fc.integer({ min: 3, max: 60 }),
    quota: fc.option(fc.integer({ min: 10, max: 100 }), { nil: undefined }),
    heli: fc.array(fc.record({ seats: fc.integer({ min: 6, max: 40 }), speed: fc.integer({ min: 200, max: 400 }), range: fc.integer({ min: 550, max: 1200 }), duty: fc.integer({ min: 4, max: 12 }), lateHours: fc.integer({ min: 0, max: 30 }) }), { minLength: 1, maxLength: 3 }),
    people: fc.array(fc.record({ site: fc.nat(), tier: fc.constantFrom(...TIERS), group: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }), medical: fc.boolean() }), { maxLength: 30 }),
    maxHigh: fc.integer({ min: 1, max: 4 }),
    medicSeats: fc.integer({ min: 0, max: 2 }),
  })
  .map((r) => {
    const start = Date.parse('2027-01-05T06:00:00Z');
    const iso = (h: number) => new Date(start + h * 3_600_000).toISOString().replace(/\.000Z$/, 'Z');
    const nodes: TAirliftInstance['nodes'] = r.sites.map((s, i) => ({ id: `O${i}`, kind: 'origin', name: `site ${i}`, lat: 36.3 + s.dLat, lon: 40.5 + s.dLon, landingSlots: s.slots, hazardPerHour: s.hazard }));
    if (r.staging) nodes.push({ id: 'S', kind: 'staging', name: 'staging', lat: 36.99, lon: 41.95, refuel: true, holdingCapacity: r.holding, maxHoldHours: 12 });
    nodes.push({ id: 'D', kind: 'destination', name: 'destination', lat: 33.26, lon: 44.23, refuel: true, intakePerHour: r.intake });
    nodes.push({ id: 'R', kind: 'refuel', name: 'refuel', lat: 35.77, lon: 43.13, refuel: true });
    const types: TAirliftInstance['aircraftTypes'] = r.heli.map((h, i) => ({ id: `H${i}`, seats: h.seats, speedKmh: h.speed, rangeKm: h.range, loadMinutes: 15, unloadMinutes: 10, refuelMinutes: 20, canLandAt: ['origin', 'staging', 'destination', 'refuel'] }));
    const aircraft: TAirliftInstance['aircraft'] = r.heli.map((h, i) => ({ id: `A${i}`, type: `H${i}`, base: r.staging ? 'S' : 'D', availableFrom: iso(h.lateHours), availableUntil: iso(24 * 12), maxFlightHoursPerDay: h.duty }));
    if (r.staging && r.shuttle) {
      types.push({ id: 'F', seats: 60, speedKmh: 600, rangeKm: 3000, loadMinutes: 30, unloadMinutes: 20, refuelMinutes: 40, canLandAt: ['staging', 'destination'] });
      aircraft.push({ id: 'F1', type: 'F', base: 'D', availableFrom: iso(0), availableUntil: iso(24 * 12), maxFlightHoursPerDay: 12 });
    }
    return {
      format: 'sallyport.airlift.instance/1', name: 'random', start: iso(0), nodes, aircraftTypes: types, aircraft,
      rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: r.maxHigh, medicSeats: r.medicSeats, lossWeight: { HIGH: 3, MEDIUM: 1, LOW: 1 } },
      detainees: r.people.map((p, i) => ({ id: `d${i}`, site: `O${p.site % r.sites.length}`, tier: p.tier, keepApart: p.group ? [p.group] : [], medical: p.medical })),
      quotas: r.quota ? [{ destination: 'D', perDay: r.quota }] : [],
    } satisfies TAirliftInstance;
  });


const NATIONALITIES = ['SYR', 'IRQ', 'FRA', 'TUN'] as const;

/**
 * `arbInstance` with each detainee's nationality (`x-nationality`) and random per-nationality daily quotas at
 * the destination (`x-nationalityQuotas`, extension rule x-1), sometimes two agreements on one nationality.
 */
export const arbNationalInstance: fc.Arbitrary<TAirliftInstance> = arbInstance.chain((instance) =>
  fc
    .record({
      nats: fc.array(fc.constantFrom(...NATIONALITIES), { minLength: instance.detainees.length, maxLength: instance.detainees.length }),
      caps: fc.array(fc.record({ nationality: fc.constantFrom(...NATIONALITIES), perDay: fc.integer({ min: 0, max: 8 }) }), { maxLength: 4 }),
    })
    .map(({ nats, caps }) => ({
      ...instance,
      detainees: instance.detainees.map((d, i) => ({ ...d, 'x-nationality': nats[i] })),
      'x-nationalityQuotas': caps.map((c, i) => ({ destination: 'D', nationality: c.nationality, perDay: c.perDay, agreement: `AGR-${i}` })),
    })),
);

/** Daily windows over the first 13 UTC days of an instance starting 2027-01-05: from `open` o'clock for `hours`. */
function dailyWindowsOf(open: number, hours: number): { from: string; until: string }[] {
  const day0 = Date.parse('2027-01-05T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
  return Array.from({ length: 13 }, (_, d) => ({ from: iso(day0 + (d * 24 + open) * 3_600_000), until: iso(day0 + (d * 24 + open + hours) * 3_600_000) }));
}

const arbDaily = fc.option(fc.record({ open: fc.integer({ min: 0, max: 12 }), hours: fc.integer({ min: 2, max: 14 }) }), { nil: undefined });

/**
 * `arbInstance` with random agreement conditions at the destination (extension rules x-2 … x-5): daylight,
 * observer and screening windows (daily from 0–12 o'clock for 2–14 h, sometimes none at all), a manifest notice of 0–30 h, and a
 * condition to check by hand.
 */
export const arbConditionInstance: fc.Arbitrary<TAirliftInstance> = arbInstance.chain((instance) =>
  fc
    .record({ daylight: arbDaily, observer: arbDaily, screening: arbDaily, notice: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }), none: fc.constantFrom(false, false, false, true) })
    .map(({ daylight, observer, screening, notice, none }) => {
      const entry = (w: { open: number; hours: number } | undefined, agreement: string) => (w ? [{ destination: 'D', agreement, windows: none ? [] : dailyWindowsOf(w.open, w.hours) }] : undefined);
      const fields: Record<string, unknown> = {
        'x-daylightWindows': entry(daylight, 'AGR-SUN'),
        'x-observerWindows': entry(observer, 'AGR-OBS'),
        'x-screeningWindows': entry(screening, 'AGR-MED'),
        'x-manifestNotice': notice === undefined ? undefined : [{ destination: 'D', hours: notice, agreement: 'AGR-NOTE' }],
        'x-conditionsByHand': [{ destination: 'D', agreement: 'AGR-HAND', kind: 'other', text: 'Families are told of each arrival.' }],
      };
      return { ...instance, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    }),
);
