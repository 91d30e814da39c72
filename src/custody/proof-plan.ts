import { foldPieces, nodeKey, perfectPieces, splitPoint, type NodeRef, type Range } from './merkle.js';

/**
 * Which subtrees a proof is made of (RFC 9162 sections 2.1.3.1 and 2.1.4.1), as leaf ranges, bottom up.
 * A range is either a perfect subtree or a right-edge range made of a few perfect ones, so any proof needs
 * at most about 2·log2(n) stored hashes, fetched in one query, whatever the log's size.
 */

/** The ranges whose hashes form the inclusion proof of leaf `index` in a tree of `size` leaves, leaf's sibling first. */
export function inclusionRanges(index: number, size: number): Range[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`index ${index} is not in a tree of ${size}`);
  const out: Range[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      out.push([lo, lo + k]);
      lo += k;
    }
  }
  return out.reverse();
}

/** The ranges of the consistency proof from `size1` to `size2` leaves (0 < size1 ≤ size2), in RFC order. */
export function consistencyRanges(size1: number, size2: number): Range[] {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 1 || size1 > size2) {
    throw new RangeError(`no consistency proof from ${size1} to ${size2}`);
  }
  if (size1 === size2) return [];
  const out: Range[] = [];
  const sub = (m: number, lo: number, hi: number, whole: boolean): void => {
    if (m === hi - lo) {
      if (!whole) out.push([lo, hi]);
      return;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      sub(m, lo, lo + k, whole);
      out.push([lo + k, hi]);
    } else {
      sub(m - k, lo + k, hi, false);
      out.push([lo, lo + k]);
    }
  };
  sub(size1, 0, size2, true);
  return out;
}

/** Every perfect subtree the ranges need, each once. */
export function piecesOf(ranges: readonly Range[]): NodeRef[] {
  const seen = new Map<string, NodeRef>();
  for (const r of ranges) for (const p of perfectPieces(r)) seen.set(nodeKey(p), p);
  return [...seen.values()];
}

/**
 * The proof hashes for `ranges`, given the hashes of their pieces.
 * @throws Error naming a piece that `hashes` lacks (storage is missing a node).
 */
export function assemble(ranges: readonly Range[], hashes: ReadonlyMap<string, Uint8Array>): Buffer[] {
  return ranges.map((r) =>
    foldPieces(
      perfectPieces(r).map((p) => {
        const h = hashes.get(nodeKey(p));
        if (!h) throw new Error(`custody log: node ${nodeKey(p)} is missing from storage`);
        return h;
      }),
    ),
  );
}
