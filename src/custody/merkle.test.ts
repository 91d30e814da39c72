import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { log2Floor, pow2, splitPoint } from './merkle.js';

describe('log2Floor and splitPoint', () => {
  it('are exact around every power of two up to 2^53', () => {
    for (let k = 0; k <= 52; k += 1) {
      expect(log2Floor(pow2(k))).toBe(k);
      if (k > 0) expect(log2Floor(pow2(k) - 1)).toBe(k - 1);
      if (k > 0 && k < 52) expect(log2Floor(pow2(k) + 1)).toBe(k);
      if (k > 0) expect(splitPoint(pow2(k) + 1)).toBe(pow2(k));
      if (k > 0) expect(splitPoint(pow2(k))).toBe(pow2(k - 1));
    }
  });

  it('splitPoint is the largest power of two strictly below n', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER }), (n) => {
      const k = splitPoint(n);
      return k < n && k * 2 >= n && Number.isInteger(Math.log2(k));
    }));
  });
});
