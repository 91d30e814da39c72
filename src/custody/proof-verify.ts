import { EMPTY_ROOT, HASH_SIZE, nodeHash } from './merkle.js';

/**
 * Verification of RFC 6962 / RFC 9162 inclusion and consistency proofs, self-contained (node:crypto only), so
 * the offline bundle checker needs nothing else. Each function answers `null` when the proof holds, or the
 * reason it does not: a verifier must never throw on hostile input.
 */

/** Why a proof was refused, or null when it holds. */
export type ProofFault = string | null;

function bitLength(v: number): number {
  let n = 0;
  while (v >= 1) {
    v = Math.floor(v / 2);
    n += 1;
  }
  return n;
}

function onesCount(v: number): number {
  let n = 0;
  while (v >= 1) {
    n += v % 2;
    v = Math.floor(v / 2);
  }
  return n;
}

function trailingZeros(v: number): number {
  let n = 0;
  while (v > 0 && v % 2 === 0) {
    v /= 2;
    n += 1;
  }
  return n;
}

const bit = (v: number, i: number): number => Math.floor(v / 2 ** i) % 2;

/** Where the paths to `index` and to `size - 1` part: the inner and border lengths of an inclusion proof. */
function decompose(index: number, size: number): { inner: number; border: number } {
  const inner = bitLength(xor(index, size - 1));
  return { inner, border: onesCount(Math.floor(index / 2 ** inner)) };
}

// XOR of two non-negative integers below 2^53, bit by bit from the top (JavaScript's ^ is 32-bit only).
function xor(a: number, b: number): number {
  const hiA = Math.floor(a / 2 ** 32);
  const hiB = Math.floor(b / 2 ** 32);
  return ((hiA ^ hiB) >>> 0) * 2 ** 32 + (((a >>> 0) ^ (b >>> 0)) >>> 0);
}

function isHash(h: Uint8Array): boolean {
  return h.length === HASH_SIZE;
}

function chainInner(seed: Uint8Array, proof: readonly Uint8Array[], index: number): Uint8Array {
  let h = seed;
  proof.forEach((p, i) => {
    h = bit(index, i) === 0 ? nodeHash(h, p) : nodeHash(p, h);
  });
  return h;
}

function chainInnerRight(seed: Uint8Array, proof: readonly Uint8Array[], index: number): Uint8Array {
  let h = seed;
  proof.forEach((p, i) => {
    if (bit(index, i) === 1) h = nodeHash(p, h);
  });
  return h;
}

function chainBorderRight(seed: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  let h = seed;
  for (const p of proof) h = nodeHash(p, h);
  return h;
}

/** The root an inclusion proof leads to, or the reason there is none. */
export function rootFromInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Uint8Array | string {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0) return 'index or size is not a non-negative integer';
  if (index >= size) return `index ${index} is beyond the tree size ${size}`;
  if (!isHash(leaf)) return `leaf hash has ${leaf.length} bytes, not ${HASH_SIZE}`;
  if (!proof.every(isHash)) return `a proof hash is not ${HASH_SIZE} bytes`;
  const { inner, border } = decompose(index, size);
  if (proof.length !== inner + border) return `proof has ${proof.length} hashes, expected ${inner + border}`;
  return chainBorderRight(chainInner(leaf, proof.slice(0, inner), index), proof.slice(inner));
}

/** Checks that `leaf` is at `at.index` in the tree of `at.size` leaves whose root is `root`. */
export function verifyInclusion(at: { index: number; size: number }, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): ProofFault {
  if (!isHash(root)) return `root has ${root.length} bytes, not ${HASH_SIZE}`;
  const got = rootFromInclusion(at.index, at.size, leaf, proof);
  if (typeof got === 'string') return got;
  return Buffer.compare(got, root) === 0 ? null : 'the proof does not lead to the root';
}

/**
 * Checks that the tree of `size2` leaves with `root2` extends the tree of `size1` leaves with `root1`. A proof
 * from a non-empty size is as RFC 9162 section 2.1.4.2; from size 0 only the trivial case (both empty, both
 * the empty root, no proof) holds, since nothing can be proven about an empty tree.
 */
export function verifyConsistency(sizes: { size1: number; size2: number }, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): ProofFault {
  const { size1, size2 } = sizes;
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0) return 'sizes are not non-negative integers';
  if (size2 < size1) return `size2 ${size2} is smaller than size1 ${size1}`;
  if (size1 === 0) {
    const trivial = size2 === 0 && proof.length === 0 && Buffer.compare(Buffer.from(root1), EMPTY_ROOT) === 0 && Buffer.compare(Buffer.from(root2), EMPTY_ROOT) === 0;
    return trivial ? null : 'a consistency proof from the empty tree proves nothing';
  }
  if (size1 === size2) {
    if (proof.length > 0) return 'sizes are equal but the proof is not empty';
    return Buffer.compare(Buffer.from(root1), Buffer.from(root2)) === 0 ? null : 'sizes are equal but the roots differ';
  }
  if (proof.length === 0) return 'empty proof';
  if (!proof.every(isHash)) return `a proof hash is not ${HASH_SIZE} bytes`;
  const decomposed = decompose(size1 - 1, size2);
  const shift = trailingZeros(size1);
  const inner = decomposed.inner - shift;
  const seeded = size1 === 2 ** shift;
  const seed = seeded ? root1 : proof[0]!;
  const rest = seeded ? proof : proof.slice(1);
  if (rest.length !== inner + decomposed.border) return `proof has ${proof.length} hashes, expected ${(seeded ? 0 : 1) + inner + decomposed.border}`;
  const mask = Math.floor((size1 - 1) / 2 ** shift);
  const hash1 = chainBorderRight(chainInnerRight(seed, rest.slice(0, inner), mask), rest.slice(inner));
  if (Buffer.compare(Buffer.from(hash1), Buffer.from(root1)) !== 0) return 'the proof does not lead to the first root';
  const hash2 = chainBorderRight(chainInner(seed, rest.slice(0, inner), mask), rest.slice(inner));
  return Buffer.compare(Buffer.from(hash2), Buffer.from(root2)) === 0 ? null : 'the proof does not lead to the second root';
}
