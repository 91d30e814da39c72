import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOVEMENT_KINDS } from './camps.schemas.js';
import { NOWHERE, nextPlace, populationOf, replay, type MovementFact, type Place } from './movement-rules.js';

const camps = ['HOL', 'ROJ'];
const sections = [null, 'A', 'B'];

describe('movement rules', () => {
  it('follows arrivals, transfers and departures, refusing what does not follow', () => {
    const here: Place = { present: true, campId: 'HOL', sectionId: 'A' };
    expect(nextPlace(NOWHERE, { kind: 'arrival', campId: 'HOL', sectionId: 'A' })).toEqual({ ok: true, place: here });
    expect(nextPlace(here, { kind: 'arrival', campId: 'HOL', sectionId: 'A' }).ok).toBe(false);
    expect(nextPlace(here, { kind: 'transfer', campId: 'HOL', sectionId: 'A' }).ok).toBe(false);
    expect(nextPlace(here, { kind: 'release', campId: 'ROJ', sectionId: null }).ok).toBe(false);
    expect(nextPlace(here, { kind: 'death', campId: 'HOL', sectionId: null })).toEqual({ ok: true, place: { present: false, status: 'deceased' } });
    expect(nextPlace({ present: false, status: 'deceased' }, { kind: 'arrival', campId: 'HOL', sectionId: null }).ok).toBe(false);
    expect(nextPlace({ present: false, status: 'unaccounted' }, { kind: 'arrival', campId: 'ROJ', sectionId: null }).ok).toBe(true);
  });

  it('replays any sequence into one place per resident, populations summing to those present (property)', () => {
    const event = fc.record({
      residentId: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      kind: fc.constantFrom(...MOVEMENT_KINDS),
      campId: fc.constantFrom(...camps),
      sectionId: fc.constantFrom(...sections),
    });
    fc.assert(fc.property(fc.array(event, { maxLength: 60 }), (raw) => {
      const events: MovementFact[] = raw.map((e, i) => ({ ...e, at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString() }));
      const mid = events[Math.floor(events.length / 2)]?.at ?? '2026-01-01T00:00:00.000Z';
      for (const until of [mid, '9999-12-31T00:00:00.000Z']) {
        const { places, faults } = replay(events, until);
        const applied = events.filter((e) => e.at <= until).length - faults.length;
        expect(applied).toBeGreaterThanOrEqual(0);
        const present = [...places.values()].filter((p) => p.present).length;
        const total = camps.reduce((n, c) => n + populationOf(places, c).total, 0);
        expect(total).toBe(present);
        for (const c of camps) {
          const pop = populationOf(places, c);
          expect([...pop.bySection.values()].reduce((a, b) => a + b, 0)).toBe(pop.total);
        }
      }
    }), { numRuns: 300 });
  });
});
