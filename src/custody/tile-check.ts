import { hash } from 'node:crypto';
import type { TVerifyReport } from './custody.schemas.js';
import { completedLevels, HASH_SIZE, nodeHash, pow2 } from './merkle.js';
import { entrySpan, TILE_HASH_BYTES, TILE_HASHES, TILE_LEVEL, TILE_SIZE, tileSlot } from './tiles.js';

/**
 * Recomputing one stored tile (tiles.ts): every leaf hash from its entry's bytes, every subtree hash inside the tile
 * from its children, the tile's root, compared with what the tile stores. Faults are named by the entry that
 * completes the hash at fault (a leaf's own entry; a subtree's last leaf), the lowest one first, exactly as an
 * entry-by-entry pass would meet them.
 */

type Bad = NonNullable<TVerifyReport['firstBad']>;

export interface TileResult {
  /** The recomputed hashes of levels 0..7, in the tile's slot order (see tiles.ts). */
  computed: Buffer;
  /** The recomputed root (level 8). */
  root: Buffer;
  /** The first fault inside the tile, if any. */
  bad: Bad | null;
  /** Subtree hashes recomputed (levels 1..8). */
  nodes: number;
}

const ZERO = Buffer.alloc(HASH_SIZE);
// One reusable 65-byte buffer: 0x01 ‖ left ‖ right.
const nodeIn = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeIn[0] = 0x01;

function nodeReason(level: number, last: number): string {
  return `the subtree hash at level ${level} over entries ${last + 1 - pow2(level)}..${last} does not match its children`;
}

function lower(a: Bad | null, b: Bad | null): Bad | null {
  if (!a) return b;
  if (!b) return a;
  return (b.index ?? Infinity) < (a.index ?? Infinity) ? b : a;
}

/**
 * Checks the packed tile whose first entry is `start` against its stored `hashes` and `upper` (its
 * custody_tile_nodes: level 8 up, as many as the tile's last leaf completes; `null` when missing).
 */
export function checkTile(start: number, hashes: Buffer, entries: Buffer, upper: Buffer | null): TileResult {
  const computed = Buffer.allocUnsafe(TILE_HASH_BYTES);
  let bad: Bad | null = null;
  for (let k = 0; k < TILE_SIZE; k += 1) {
    const span: [number, number] | string | null = bad ? null : entrySpan(entries, k);
    if (typeof span === 'string') bad = { index: start + k, what: 'entry', reason: `the stored tile is damaged: ${span}` };
    if (span !== null && typeof span !== 'string') hash('sha256', entries.subarray(span[0], span[1]), 'buffer').copy(computed, k * HASH_SIZE);
    else ZERO.copy(computed, k * HASH_SIZE);
  }
  for (let l = 1; l < TILE_LEVEL; l += 1) {
    const from = tileSlot(l - 1, 0) * HASH_SIZE;
    const to = tileSlot(l, 0) * HASH_SIZE;
    for (let j = 0; j < TILE_SIZE >> l; j += 1) {
      computed.copy(nodeIn, 1, from + 2 * j * HASH_SIZE, from + 2 * (j + 1) * HASH_SIZE);
      hash('sha256', nodeIn, 'buffer').copy(computed, to + j * HASH_SIZE);
    }
  }
  const root = nodeHash(computed.subarray((TILE_HASHES - 2) * HASH_SIZE, (TILE_HASHES - 1) * HASH_SIZE), computed.subarray((TILE_HASHES - 1) * HASH_SIZE));
  const last = start + TILE_SIZE - 1;
  if (hashes.length !== TILE_HASH_BYTES) {
    bad = lower(bad, { index: start, what: 'node', reason: `the stored tile holds ${hashes.length} bytes of hashes, expected ${TILE_HASH_BYTES}` });
  } else if (!computed.equals(hashes)) {
    bad = lower(bad, firstMismatch(start, computed, hashes));
  }
  const expected = (completedLevels(last) - TILE_LEVEL + 1) * HASH_SIZE;
  if (!upper || upper.length !== expected) {
    bad = lower(bad, { index: last, what: 'node', reason: `stores ${upper?.length ?? 0} bytes of subtree hashes from level ${TILE_LEVEL} up, expected ${expected}` });
  } else if (root.compare(upper, 0, HASH_SIZE) !== 0) {
    bad = lower(bad, { index: last, what: 'node', reason: nodeReason(TILE_LEVEL, last) });
  }
  return { computed, root, bad, nodes: TILE_SIZE - 1 };
}

function firstMismatch(start: number, computed: Buffer, stored: Buffer): Bad | null {
  let best: Bad | null = null;
  for (let l = 0; l < TILE_LEVEL; l += 1) {
    const span = pow2(l);
    for (let j = 0; j < TILE_SIZE >> l; j += 1) {
      const at = tileSlot(l, j) * HASH_SIZE;
      if (computed.compare(stored, at, at + HASH_SIZE, at, at + HASH_SIZE) === 0) continue;
      const entry = start + (j + 1) * span - 1;
      if (best && (best.index ?? Infinity) <= entry) break;
      best = l === 0 ? { index: entry, what: 'leaf', reason: 'the stored leaf hash does not match the leaf data' } : { index: entry, what: 'node', reason: nodeReason(l, entry) };
      break;
    }
  }
  return best;
}

/** The perfect pieces (left to right) of the first `m` entries of a checked tile (0 < m ≤ 256). */
export function tilePieces(computed: Buffer, root: Buffer, m: number): Buffer[] {
  if (m === TILE_SIZE) return [root];
  const out: Buffer[] = [];
  let at = 0;
  for (let l = TILE_LEVEL - 1; l >= 0; l -= 1) {
    if (m - at >= pow2(l)) {
      const s = tileSlot(l, at / pow2(l)) * HASH_SIZE;
      out.push(computed.subarray(s, s + HASH_SIZE));
      at += pow2(l);
    }
  }
  return out;
}
