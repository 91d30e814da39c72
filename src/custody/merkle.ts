import { createHash, hash } from 'node:crypto';

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing: leaves `SHA-256(0x00 || data)`, interior nodes
 * `SHA-256(0x01 || left || right)`, the empty tree `SHA-256("")`. Sizes and indexes are plain numbers
 * (exact up to 2^53); arithmetic avoids 32-bit bit operators for that reason.
 */

/** Bytes of a SHA-256 hash. */
export const HASH_SIZE = 32;

const NODE_PREFIX = Buffer.from([0x01]);

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** The hash of a leaf whose data is `data`. */
export function leafHash(data: Uint8Array): Buffer {
  // NOTE: one-shot crypto.hash over a prefixed copy beats a streaming hash with two updates for entry-sized data.
  const input = Buffer.allocUnsafe(data.length + 1);
  input[0] = 0x00;
  input.set(data, 1);
  return hash('sha256', input, 'buffer');
}

// One reusable 65-byte buffer for node hashing: hot in appends and in full verification.
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

/** The hash of an interior node over two child hashes (32 bytes each in a log; any length is hashed as given). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return hash('sha256', nodeInput, 'buffer');
}

/** 2^k, exact for every k a log can reach. */
export function pow2(k: number): number {
  return 2 ** k;
}

/** The largest power of two strictly smaller than `n` (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  return pow2(log2Floor(n - 1));
}

/** floor(log2(n)) for n ≥ 1, exact up to 2^53 (proofs call this for every piece: no loop). */
export function log2Floor(n: number): number {
  if (n < 0x80000000) return 31 - Math.clz32(n);
  let l = Math.floor(Math.log2(n));
  // NOTE: Math.log2 may round across an integer boundary near powers of two; correct by one either way.
  if (pow2(l) > n) l -= 1;
  else if (pow2(l + 1) <= n) l += 1;
  return l;
}

/** How many perfect subtrees complete when leaf `index` is appended: the trailing zero bits of index + 1. */
export function completedLevels(index: number): number {
  let v = index + 1;
  let t = 0;
  while (v % 2 === 0) {
    v /= 2;
    t += 1;
  }
  return t;
}

/** A perfect subtree: `level` (0 = one leaf) and its position among the subtrees of that level. */
export interface NodeRef {
  level: number;
  index: number;
}

/** The leaves [start, end) of a (sub)tree of the log. */
export type Range = readonly [start: number, end: number];

/**
 * The perfect subtrees that make up a range of an RFC 6962 tree, left to right. Every range the RFC's
 * recursion produces starts on a multiple of a power of two at least as large as itself, so each piece is
 * aligned.
 */
export function perfectPieces([start, end]: Range): NodeRef[] {
  const out: NodeRef[] = [];
  let at = start;
  while (at < end) {
    const level = log2Floor(end - at);
    out.push({ level, index: at / pow2(level) });
    at += pow2(level);
  }
  return out;
}

/** The hash of a range from the hashes of its perfect pieces (RFC 6962: the right side folds first). */
export function foldPieces(hashes: readonly Uint8Array[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let h: Buffer = Buffer.from(hashes[hashes.length - 1]!);
  for (let i = hashes.length - 2; i >= 0; i -= 1) h = nodeHash(hashes[i]!, h);
  return h;
}

/** The root of a tree over `leaves` (leaf hashes), computed directly: for tests and small trees. */
export function rootOf(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  const walk = (lo: number, hi: number): Buffer => {
    if (hi - lo === 1) return Buffer.from(leaves[lo]!);
    const k = splitPoint(hi - lo);
    return nodeHash(walk(lo, lo + k), walk(lo + k, hi));
  };
  return walk(0, leaves.length);
}

/** A stable map key for a node. */
export function nodeKey(n: NodeRef): string {
  return `${n.level}:${n.index}`;
}
