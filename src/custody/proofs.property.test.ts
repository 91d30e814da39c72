import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Frontier } from './frontier.js';
import { leafHash, rootOf } from './merkle.js';
import { consistencyRanges, inclusionRanges } from './proof-plan.js';
import { verifyConsistency, verifyInclusion } from './proof-verify.js';

// Seeded: the same runs every time.
const RUNS = { seed: 6962, numRuns: 150 };

function leavesOf(n: number, salt: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => leafHash(createHash('sha256').update(`${salt}:${i}`).digest()));
}

const proof = (leaves: Buffer[], ranges: readonly (readonly [number, number])[]) => ranges.map(([a, b]) => rootOf(leaves.slice(a, b)));

describe('Merkle proofs for random log sizes', () => {
  it('every inclusion proof verifies; another leaf, index or size does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 300 }), (n, salt, pick, other) => {
        const leaves = leavesOf(n, salt);
        const root = rootOf(leaves);
        const m = pick % n;
        const p = proof(leaves, inclusionRanges(m, n));
        expect(verifyInclusion({ index: m, size: n }, leaves[m]!, p, root)).toBeNull();
        expect(verifyInclusion({ index: m, size: n }, leafHash(Buffer.from('another')), p, root)).not.toBeNull();
        const m2 = (m + 1 + (other % n)) % n;
        if (m2 !== m) expect(verifyInclusion({ index: m2, size: n }, leaves[m2]!, p, root)).not.toBeNull();
        const n2 = other === n ? n + 1 : other;
        if (m < n2) expect(verifyInclusion({ index: m, size: n2 }, leaves[m]!, p, rootOf(leavesOf(n2, salt)))).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('every consistency proof between two sizes verifies; other sizes do not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), fc.nat(), (n, salt, x, y) => {
        const leaves = leavesOf(n, salt);
        const a = 1 + (x % n);
        const b = a + (y % (n - a + 1));
        const p = proof(leaves, consistencyRanges(a, b));
        const root = (k: number) => rootOf(leaves.slice(0, k));
        expect(verifyConsistency({ size1: a, size2: b }, p, root(a), root(b))).toBeNull();
        if (b < n) expect(verifyConsistency({ size1: a, size2: b + 1 }, p, root(a), root(b + 1))).not.toBeNull();
        if (a > 1) expect(verifyConsistency({ size1: a - 1, size2: b }, p, root(a - 1), root(b))).not.toBeNull();
        if (p.length > 0) {
          const flipped = p.map((h, i) => (i === (x % p.length) ? Buffer.from(h.map((v, j) => (j === 0 ? v ^ 1 : v))) : h));
          expect(verifyConsistency({ size1: a, size2: b }, flipped, root(a), root(b))).not.toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('the frontier gives the same roots as the recursive definition, and stores each completed subtree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.nat(), (n, salt) => {
        const leaves = leavesOf(n, salt);
        const f = Frontier.empty();
        let completed = 0;
        for (const l of leaves) completed += f.push(l).length;
        expect(f.root()).toEqual(rootOf(leaves));
        expect(completed).toBe(Math.max(0, n - popcount(n)));
      }),
      RUNS,
    );
  });
});

function popcount(n: number): number {
  return n.toString(2).split('').filter((c) => c === '1').length;
}
