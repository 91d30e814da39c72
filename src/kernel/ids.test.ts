import { describe, expect, it } from 'vitest';
import { formatIsn, idTime, isIsn, isUlid, newId, newIdGenerator, parseIsn, seededIdGenerator } from './ids.js';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('ISN', () => {
  it('formats and parses', () => {
    expect(formatIsn('IQ', 123)).toBe('SP-IQ-000123');
    expect(formatIsn('SY', 123_456_789)).toBe('SP-SY-123456789');
    expect(parseIsn('SP-IQ-000123')).toEqual({ country2: 'IQ', seq: 123 });
    expect(parseIsn(formatIsn('US', 0))).toEqual({ country2: 'US', seq: 0 });
  });

  it('rejects malformed input', () => {
    expect(isIsn('SP-IQ-000123')).toBe(true);
    for (const bad of ['SP-IQ-123', 'SP-iq-000123', 'XX-IQ-000123', 'SP-IRQ-000123', 'SP-IQ-0001234567', ' SP-IQ-000123']) {
      expect(isIsn(bad), bad).toBe(false);
      expect(() => parseIsn(bad)).toThrow(RangeError);
    }
    expect(() => formatIsn('iq', 1)).toThrow(RangeError);
    expect(() => formatIsn('IQ', -1)).toThrow(RangeError);
    expect(() => formatIsn('IQ', 1.5)).toThrow(RangeError);
    expect(() => formatIsn('IQ', 1_000_000_000)).toThrow(RangeError);
  });
});

describe('ULID', () => {
  it('is well formed and carries its time', () => {
    const id = newId(1_700_000_000_000);
    expect(isUlid(id)).toBe(true);
    expect(idTime(id).toISOString()).toBe(new Date(1_700_000_000_000).toISOString());
    expect(isUlid('01ARZ3NDEKTSV4RRFFQ69G5FAU')).toBe(false); // U is not Crockford base-32
  });

  it('sorts by creation time', () => {
    // Generators made at different times (as in different processes) still sort by their ids' times.
    const ids = [3, 1, 2].map((k) => newIdGenerator()(1_700_000_000_000 + k * 1000));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
    const gen = newIdGenerator();
    const inOrder = [1, 2, 3, 10_000].map((ms) => gen(1_700_000_000_000 + ms));
    expect([...inOrder].sort()).toEqual(inOrder);
    expect(inOrder.map((id) => idTime(id).getTime() - 1_700_000_000_000)).toEqual([1, 2, 3, 10_000]);
  });

  it('is monotonic within one millisecond', () => {
    const gen = newIdGenerator();
    const ids = Array.from({ length: 1000 }, () => gen(1_700_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });

  it('repeats from the same seed', () => {
    const a = seededIdGenerator(seeded(42));
    const b = seededIdGenerator(seeded(42));
    const c = seededIdGenerator(seeded(43));
    const times = [1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_500];
    const fromA = times.map((t) => a(t));
    expect(times.map((t) => b(t))).toEqual(fromA);
    expect(times.map((t) => c(t))).not.toEqual(fromA);
    expect(fromA.every(isUlid)).toBe(true);
  });
});
