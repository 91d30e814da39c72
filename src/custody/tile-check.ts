import { hash } from 'node:crypto';
import type { TVerifyReport } from './custody.schemas.js';
import { HASH_SIZE, pow2 } from './merkle.js';
import { TILE_LEVEL, TILE_SIZE, tileSlot } from './tiles.js';

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

function sha256(data: Uint8Array): Buffer {
  return hash('sha256', data, 'buffer');
}

/**
 * Checks the packed tile whose first entry is `start` against its stored `hashes` and `upper` (its
 * custody_tile_nodes: level 8 up, as many as the tile's last leaf completes; `null` when missing).
 * NOTE: self-contained on purpose (it uses nothing but its parameters and Buffer): hash worker threads run this very
 * function from its source text (verify-pool.ts), so that they start in milliseconds, without a module loader.
 * tiles.test.ts checks it against the layout of tiles.ts.
 */
export function checkTile(start: number, stored: { hashes: Buffer; entries: Buffer; upper: Buffer | null }, sha: (data: Uint8Array) => Buffer = sha256): TileResult {
  const { hashes, entries, upper } = stored;
  const H = 32;
  const T = 256;
  const LEVEL = 8;
  const BYTES = (2 * T - 2) * H;
  const HEADER = (T + 1) * 4;
  const slot = (l: number, j: number): number => 2 * T - (2 * T) / 2 ** l + j;
  const nodeReason = (level: number, last: number): string => `the subtree hash at level ${level} over entries ${last + 1 - 2 ** level}..${last} does not match its children`;
  const lower = (a: Bad | null, b: Bad | null): Bad | null => (!a ? b : !b ? a : (b.index ?? Infinity) < (a.index ?? Infinity) ? b : a);
  const span = (k: number): [number, number] | string => {
    if (entries.length < HEADER) return `the tile's entries blob has ${entries.length} bytes, shorter than its offset table`;
    const from = entries.readUInt32BE(4 * k);
    const to = entries.readUInt32BE(4 * (k + 1));
    if (from < HEADER || to <= from || to > entries.length) return `the tile's offsets place entry ${k} at bytes ${from}..${to} of ${entries.length}`;
    if (entries[from] !== 0x00) return `entry ${k} in the tile lacks its 0x00 leaf prefix`;
    return [from, to];
  };
  const computed = Buffer.alloc(BYTES);
  const nodeIn = Buffer.alloc(1 + 2 * H);
  nodeIn[0] = 0x01;
  let bad: Bad | null = null;
  for (let k = 0; k < T && !bad; k += 1) {
    const s = span(k);
    if (typeof s === 'string') bad = { index: start + k, what: 'entry', reason: `the stored tile is damaged: ${s}` };
    else sha(entries.subarray(s[0], s[1])).copy(computed, k * H);
  }
  let root: Buffer = computed;
  for (let l = 1; l <= LEVEL; l += 1) {
    const from = slot(l - 1, 0) * H;
    const to = slot(l, 0) * H;
    for (let j = 0; j < T >> l; j += 1) {
      computed.copy(nodeIn, 1, from + 2 * j * H, from + 2 * (j + 1) * H);
      const h = sha(nodeIn);
      if (l < LEVEL) h.copy(computed, to + j * H);
      else root = h;
    }
  }
  const last = start + T - 1;
  if (hashes.length !== BYTES) {
    bad = lower(bad, { index: start, what: 'node', reason: `the stored tile holds ${hashes.length} bytes of hashes, expected ${BYTES}` });
  } else if (!computed.equals(hashes)) {
    // The lowest entry whose hash differs: per level, the first differing slot; a leaf before a node of the same entry.
    for (let l = 0; l < LEVEL; l += 1) {
      for (let j = 0; j < T >> l; j += 1) {
        const at = slot(l, j) * H;
        if (computed.compare(hashes, at, at + H, at, at + H) === 0) continue;
        const entry = start + (j + 1) * 2 ** l - 1;
        bad = lower(bad, l === 0 ? { index: entry, what: 'leaf', reason: 'the stored leaf hash does not match the leaf data' } : { index: entry, what: 'node', reason: nodeReason(l, entry) });
        break;
      }
    }
  }
  let ones = 0;
  for (let v = last + 1; v % 2 === 0; v /= 2) ones += 1;
  const expected = (ones - LEVEL + 1) * H;
  if (!upper || upper.length !== expected) {
    bad = lower(bad, { index: last, what: 'node', reason: `stores ${upper?.length ?? 0} bytes of subtree hashes from level ${LEVEL} up, expected ${expected}` });
  } else if (root.compare(upper, 0, H) !== 0) {
    bad = lower(bad, { index: last, what: 'node', reason: nodeReason(LEVEL, last) });
  }
  return { computed, root, bad, nodes: T - 1 };
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
