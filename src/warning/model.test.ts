import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASELINE_PER_HOUR, ageWeight, conflictIntensity, distanceWeight, levelOf, probabilityWithin, riskOf, siteEvents, stateAt, type Observation, type SiteState,
} from './model.js';

const CALM: SiteState = {
  conflict: 0, guardStrength: 500, population: 4000, capacity: 5000, daysSinceResupply: 0, riots: 0, escapeAttempts: 0, guardDesertions: 0, areaControl: 'holding-force',
};

const arbState = fc.record({
  conflict: fc.double({ min: 0, max: 500, noNaN: true }),
  guardStrength: fc.integer({ min: 0, max: 2000 }),
  population: fc.integer({ min: 1, max: 10_000 }),
  capacity: fc.integer({ min: 1, max: 10_000 }),
  daysSinceResupply: fc.integer({ min: 0, max: 120 }),
  riots: fc.integer({ min: 0, max: 50 }),
  escapeAttempts: fc.integer({ min: 0, max: 50 }),
  guardDesertions: fc.integer({ min: 0, max: 500 }),
  areaControl: fc.constantFrom('holding-force' as const, 'contested' as const, 'hostile' as const),
});

const h = (s: SiteState) => riskOf(s).hazardPerHour;

describe('the breach-risk model', () => {
  it('gives a calm, guarded, supplied site the baseline: 1 % within 7 days', () => {
    const r = riskOf(CALM);
    expect(r.hazardPerHour).toBeCloseTo(BASELINE_PER_HOUR, 12);
    expect(r.p7).toBeCloseTo(0.01, 10);
    expect(r.factors.every((f) => f.contribution === 0 && f.hazardRatio === 1)).toBe(true);
  });

  it('is stable on known inputs (figures pinned; a change of weights must change this test and docs/warning.md)', () => {
    const r = riskOf({ conflict: 12, guardStrength: 300, population: 4000, capacity: 3500, daysSinceResupply: 21, riots: 2, escapeAttempts: 1, guardDesertions: 15, areaControl: 'contested' });
    expect(r.factors.map((f) => [f.key, Number(f.contribution.toFixed(4))])).toEqual([
      ['conflict', 1.7955], ['guardShortfall', 0.4], ['overcrowding', 0.1143], ['resupply', 0.28], ['riots', 0.3296],
      ['escapes', 0.2426], ['desertions', 1.109], ['areaControl', 0.8],
    ]);
    expect(r.hazardPerHour).toBeCloseTo(BASELINE_PER_HOUR * Math.exp(r.factors.reduce((s, f) => s + f.contribution, 0)), 15);
    expect(r.hazardPerHour.toPrecision(6)).toBe('0.00953160');
    expect(r.p7.toFixed(4)).toBe('0.7984');
    expect(r.p30).toBeLessThanOrEqual(1);
    expect(riskOf({ ...CALM, conflict: 3 }).p7.toFixed(4)).toBe('0.0262');
  });

  it('is monotone: more conflict, crowding, days without supply, incidents or hostile ground never lower the hazard', () => {
    const up: [keyof SiteState, (s: SiteState) => SiteState][] = [
      ['conflict', (s) => ({ ...s, conflict: s.conflict + 1 })],
      ['population', (s) => ({ ...s, population: (s.population ?? 0) + 50 })],
      ['daysSinceResupply', (s) => ({ ...s, daysSinceResupply: (s.daysSinceResupply ?? 0) + 3 })],
      ['riots', (s) => ({ ...s, riots: s.riots + 1 })],
      ['escapeAttempts', (s) => ({ ...s, escapeAttempts: s.escapeAttempts + 1 })],
      ['guardDesertions', (s) => ({ ...s, guardDesertions: s.guardDesertions + 1 })],
      ['areaControl', (s) => ({ ...s, areaControl: s.areaControl === 'holding-force' ? 'contested' : 'hostile' })],
    ];
    fc.assert(fc.property(arbState, (s) => {
      for (const [, f] of up) expect(h(f(s))).toBeGreaterThanOrEqual(h(s));
    }));
  });

  it('is monotone the other way in guards and capacity: more of either never raises the hazard', () => {
    fc.assert(fc.property(arbState, fc.integer({ min: 1, max: 500 }), (s, n) => {
      expect(h({ ...s, guardStrength: (s.guardStrength ?? 0) + n })).toBeLessThanOrEqual(h(s));
      expect(h({ ...s, capacity: (s.capacity ?? 1) + n })).toBeLessThanOrEqual(h(s));
    }));
  });

  it('turns hazard into probabilities that grow with the horizon and stay in [0, 1)', () => {
    fc.assert(fc.property(arbState, (s) => {
      const r = riskOf(s);
      expect(r.p7).toBeGreaterThanOrEqual(0);
      expect(r.p30).toBeGreaterThanOrEqual(r.p7);
      expect(r.p30).toBeLessThanOrEqual(1);
      expect(probabilityWithin(r.hazardPerHour, 168)).toBe(r.p7);
    }));
    expect(levelOf(0.1)).toBe('low');
    expect(levelOf(0.25)).toBe('warning');
    expect(levelOf(0.5)).toBe('critical');
  });

  it('decays conflict with distance and age, and ignores the future and the far', () => {
    expect(distanceWeight(0)).toBe(1);
    expect(distanceWeight(30)).toBeCloseTo(Math.exp(-1), 12);
    expect(distanceWeight(151)).toBe(0);
    expect(ageWeight(10)).toBeCloseTo(0.5, 12);
    expect(ageWeight(-1)).toBe(0);
    expect(ageWeight(61)).toBe(0);
    const site = { lat: 36.472, lon: 40.727 };
    const near = { date: '2026-01-01', eventType: 'Battles', subEventType: 'Armed clash', fatalities: 0, lat: 36.5, lon: 40.75 };
    const far = { ...near, lat: 33.3, lon: 44.4 };
    const ev = siteEvents(site, [near, far]);
    expect(ev).toHaveLength(1);
    const day = Date.parse('2026-01-01T00:00:00Z');
    expect(conflictIntensity(ev, day)).toBeGreaterThan(conflictIntensity(ev, day + 5 * 86_400_000));
    expect(conflictIntensity(ev, day - 1)).toBe(0);
  });

  it('reads indicators as of a time: latest levels, incidents over 14 days, stale resupply grows 14 days at most', () => {
    const at = (d: string) => Date.parse(`${d}T00:00:00Z`);
    const none = { guardStrength: null, population: null, capacity: null, daysSinceResupply: null, riots: null, escapeAttempts: null, guardDesertions: null, areaControl: null };
    const obs: Observation[] = [
      { ...none, at: at('2026-01-01'), guardStrength: 400, riots: 2, daysSinceResupply: 5 },
      { ...none, at: at('2026-01-10'), guardStrength: 350, riots: 1, areaControl: 'contested' },
      { ...none, at: at('2026-02-01'), guardStrength: 10 },
    ];
    const s = stateAt(obs, at('2026-01-12'), { population: 4000 });
    expect(s).toMatchObject({ guardStrength: 350, population: 4000, riots: 3, areaControl: 'contested', daysSinceResupply: 5 + 11 });
    expect(stateAt(obs, at('2026-01-20')).riots).toBe(1);
    expect(stateAt(obs, at('2026-01-30')).daysSinceResupply).toBe(5 + 14);
  });
});
