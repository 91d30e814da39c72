import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSee, LEVELS, parseMarking, type Marking } from '../kernel/index.js';
import { admits, needsSecondReviewer, notHigher, releasedTo } from './policy.js';

const COUNTRIES = ['IRQ', 'USA', 'GBR', 'FRA', 'SYR'];
const arbMarking: fc.Arbitrary<Marking> = fc.record({
  level: fc.constantFrom(...LEVELS),
  rel: fc.oneof(
    fc.constant({ kind: 'all' as const }),
    fc.constant({ kind: 'noforn' as const }),
    fc.uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1 }).map((cs) => ({ kind: 'rel' as const, countries: cs.sort() })),
  ),
  caveats: fc.uniqueArray(fc.constantFrom('LES', 'HCS'), { maxLength: 2 }).map((c) => c.sort()),
});

describe('release policy', () => {
  it('a release as is admits its audience and keeps level and caveats', () => {
    fc.assert(fc.property(arbMarking, fc.constantFrom(...COUNTRIES), fc.constantFrom(...COUNTRIES), (m, origin, to) => {
      const r = releasedTo(m, origin, to);
      expect(admits(r, origin, to)).toBe(true);
      expect(r.level).toBe(m.level);
      expect(r.caveats).toEqual(m.caveats);
      // canSee agrees for a recipient cleared for the level with every caveat.
      expect(canSee({ clearance: 'TS', country: to, groups: ['LES', 'HCS'] }, r, origin)).toBe(true);
    }));
  });

  it('a release as is widens nobody else\'s access beyond the audience', () => {
    fc.assert(fc.property(arbMarking, fc.constantFrom(...COUNTRIES), fc.constantFrom(...COUNTRIES), fc.constantFrom(...COUNTRIES), (m, origin, to, other) => {
      if (other === to) return;
      expect(admits(releasedTo(m, origin, to), origin, other)).toBe(admits(m, origin, other));
    }));
  });

  it('orders markings by level and caveats', () => {
    expect(notHigher(parseMarking('C//REL TO IRQ'), parseMarking('S//NOFORN'))).toBe(true);
    expect(notHigher(parseMarking('S//HCS'), parseMarking('S'))).toBe(false);
    expect(notHigher(parseMarking('TS'), parseMarking('S'))).toBe(false);
  });

  it('two persons for S and TS only', () => {
    expect(['U', 'C', 'S', 'TS'].map((l) => needsSecondReviewer(parseMarking(l)))).toEqual([false, false, true, true]);
  });
});
