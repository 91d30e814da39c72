import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng, Urn, apportion, hash128, weightedPicker } from './prng.js';

describe('Prng', () => {
  it('repeats its sequence for a seed, and differs between seeds and forks', () => {
    const a = new Prng('seed');
    const b = new Prng('seed');
    const xs = Array.from({ length: 50 }, () => a.uint32());
    expect(Array.from({ length: 50 }, () => b.uint32())).toEqual(xs);
    const c = new Prng('seed2');
    expect(Array.from({ length: 50 }, () => c.uint32())).not.toEqual(xs);
    expect(new Prng('seed').fork('x').uint32()).toBe(new Prng('seed').fork('x').uint32());
    expect(new Prng('seed').fork('x').uint32()).not.toBe(new Prng('seed').fork('y').uint32());
    expect(hash128('')).toHaveLength(4);
  });

  it('keeps every helper in range', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const r = new Prng(seed);
        const x = r.int(min, min + span);
        const f = r.next();
        const n = r.normalInt(10, 5, 0, 20);
        return Number.isInteger(x) && x >= min && x <= min + span && f >= 0 && f < 1 && n >= 0 && n <= 20;
      }),
    );
    expect(() => new Prng(1).int(2, 1)).toThrow(RangeError);
    expect(() => new Prng(1).pick([])).toThrow(RangeError);
  });

  it('draws roughly uniformly and normally', () => {
    const r = new Prng('stats');
    const n = 20_000;
    let sum = 0;
    let sq = 0;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const k = r.int(0, 9);
      buckets[k] = (buckets[k] ?? 0) + 1;
      const g = r.normal(5, 2);
      sum += g;
      sq += g * g;
    }
    for (const b of buckets) expect(Math.abs(b - n / 10)).toBeLessThan(n / 10 * 0.1);
    const mean = sum / n;
    expect(mean).toBeCloseTo(5, 1);
    expect(Math.sqrt(sq / n - mean * mean)).toBeCloseTo(2, 1);
  });

  it('shuffles into a permutation', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i);
    const ys = new Prng('shuffle').shuffle([...xs]);
    expect(ys).not.toEqual(xs);
    expect([...ys].sort((a, b) => a - b)).toEqual(xs);
  });
});

describe('weightedPicker', () => {
  it('follows the weights and never draws a zero weight', () => {
    const p = weightedPicker(['a', 'b', 'c'], [1, 0, 3]);
    const r = new Prng('w');
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 8000; i++) {
      const k = p.draw(r);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts.b).toBe(0);
    expect((counts.c ?? 0) / (counts.a ?? 1)).toBeGreaterThan(2.5);
    expect(() => weightedPicker(['a'], [0])).toThrow(RangeError);
    expect(() => weightedPicker(['a'], [1, 2])).toThrow(RangeError);
  });
});

describe('apportion and Urn', () => {
  it('apportions exactly and proportionally', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.array(fc.double({ min: 0.001, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }), (total, ws) => {
        const parts = apportion(total, ws);
        const sum = ws.reduce((s, w) => s + w, 0);
        return parts.reduce((s, p) => s + p, 0) === total && parts.every((p, i) => Math.abs(p - (total * (ws[i] ?? 0)) / sum) < 1 + 1e-9);
      }),
    );
  });

  it('draws exactly the counts it holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 }), (seed, counts) => {
        const urn = new Urn(counts.map((_, i) => i), counts);
        const r = new Prng(seed);
        const drawn = counts.map(() => 0);
        while (urn.size > 0) {
          const i = urn.draw(r);
          drawn[i] = (drawn[i] ?? 0) + 1;
        }
        return drawn.every((d, i) => d === counts[i]);
      }),
    );
    expect(() => new Urn(['a'], [0]).draw(new Prng(1))).toThrow(RangeError);
    expect(() => new Urn(['a'], [0]).take(0)).toThrow(RangeError);
  });
});
