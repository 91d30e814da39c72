import type { Db } from '../store/index.js';
import type { TVerifyReport } from './custody.schemas.js';
import { Frontier } from './frontier.js';
import { blocksOf, type Block } from './log.store.js';
import { completedLevels, HASH_SIZE, leafHash, pow2 } from './merkle.js';
import { checkTile, tilePieces, type TileResult } from './tile-check.js';
import { entrySpan, TILE_LEVEL, TILE_SIZE } from './tiles.js';

/**
 * Verifying a range of the log from storage, block by block (a packed tile, or the rows of a tile not yet packed):
 * every leaf hash from its data, every stored subtree hash from its children. A full verification runs it over the
 * whole log (level Infinity), with the per-entry checks (schema, signatures, chain of custody) and every head
 * checked as the entries go past; tiles may be hashed in worker threads (`hasher`, verify-pool.ts) while this
 * thread reads on. Over an aligned chunk of 2^level entries it also hands back what a caller folding chunks would
 * need: the chunk's perfect pieces, the pieces at each head's size inside it, and the stored hashes of the
 * subtrees larger than the chunk that its last entry completes.
 */

type Bad = NonNullable<TVerifyReport['firstBad']>;

export interface ChunkJob {
  /** A multiple of 256. */
  start: number;
  /** Exclusive; at most start + 2^level. */
  end: number;
  /** log2 of the full chunk size (≥ 8), or Infinity for the whole log: stored subtrees above it are returned, not checked. */
  level: number;
  /** Head sizes in (start, end] whose local pieces to return. */
  heads: number[];
}

export interface ChunkResult {
  start: number;
  /** Entries read and checked (fewer than end − start when storage ends early or a fault stopped it). */
  count: number;
  nodes: number;
  bad: Bad | null;
  /** The chunk's perfect pieces (one hash when the chunk is full). */
  pieces: Buffer[];
  heads: [size: number, pieces: Buffer[]][];
  /** Stored hashes, level `level + 1` up, of the subtrees the chunk's last entry completes (full chunks only). */
  upper: Buffer | null;
}

/** What the one-thread pass adds: a check of each entry's data, and a check at every size. */
export interface RangeHooks {
  /** Called before each block with its first and (exclusive) last index, e.g. to read the block's lookup rows. */
  beforeBlock?: (start: number, end: number) => Promise<void>;
  entry?: (idx: number, data: Buffer) => Bad | null;
  /** The sizes at which to call `atSize`. */
  sizes?: readonly number[];
  atSize?: (size: number, pieces: () => Buffer[]) => Bad | null;
  onProgress?: (done: number) => void;
}

export function nodeFault(idx: number, completed: readonly Buffer[], stored: Buffer, expected = completed.length): Bad | null {
  if (stored.length !== expected * HASH_SIZE) return { index: idx, what: 'node', reason: `stores ${stored.length} bytes of subtree hashes, expected ${expected * HASH_SIZE}` };
  for (let l = 0; l < completed.length; l += 1) {
    if (completed[l]!.compare(stored, l * HASH_SIZE, (l + 1) * HASH_SIZE) !== 0) {
      const span = pow2(l + 1);
      return { index: idx, what: 'node', reason: `the subtree hash at level ${l + 1} over entries ${idx + 1 - span}..${idx} does not match its children` };
    }
  }
  return null;
}

interface Walk {
  /** Roots of the range's full tiles, as a frontier of level-8 subtrees. */
  tiles: Frontier;
  out: ChunkResult;
  job: ChunkJob;
  hooks: RangeHooks;
  /** Head sizes whose pieces the result carries. */
  wanted: Set<number>;
  /** Sizes for the `atSize` hook. */
  checked: Set<number>;
  /** Every size of either kind, ascending. */
  sizes: number[];
}

/** True when some size of interest lies in (from, to). */
function sizeWithin(w: Walk, from: number, to: number): boolean {
  let lo = 0;
  let hi = w.sizes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.sizes[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < w.sizes.length && w.sizes[lo]! < to;
}

function piecesAt(w: Walk, local: () => Buffer[]): Buffer[] {
  return [...w.tiles.pieces(), ...local()];
}

/** At size `size` inside the current block: collects the head's pieces and runs the size hook. */
function atSize(w: Walk, size: number, local: () => Buffer[]): Bad | null {
  if (w.wanted.has(size)) w.out.heads.push([size, piecesAt(w, local)]);
  if (w.hooks.atSize && w.checked.has(size)) return w.hooks.atSize(size, () => piecesAt(w, local));
  return null;
}

/**
 * A full tile's root joins the range's frontier; the subtrees of level ≥ 9 it completes inside the range are checked
 * against the stored ones (`stored8`: level 8 up), and those above the range kept for the main thread.
 */
function closeTile(w: Walk, last: number, root: Buffer, stored8: Buffer): Bad | null {
  const completed = w.tiles.push(root);
  w.out.nodes += completed.length;
  for (let r = 0; r < completed.length; r += 1) {
    const level = TILE_LEVEL + 1 + r;
    if (completed[r]!.compare(stored8, (r + 1) * HASH_SIZE, (r + 2) * HASH_SIZE) !== 0) {
      return { index: last, what: 'node', reason: `the subtree hash at level ${level} over entries ${last + 1 - pow2(level)}..${last} does not match its children` };
    }
  }
  // The leaf that fills a whole chunk may complete larger subtrees: the main thread checks those.
  if (last + 1 - w.job.start === pow2(w.job.level)) w.out.upper = Buffer.from(stored8.subarray((w.job.level + 1 - TILE_LEVEL) * HASH_SIZE));
  return null;
}

function walkTile(w: Walk, b: Extract<Block, { kind: 'tile' }>, t: TileResult): Bad | null {
  const start = b.tile * TILE_SIZE;
  w.out.nodes += t.nodes;
  const end = start + TILE_SIZE;
  const h = w.hooks;
  if (h.entry || sizeWithin(w, start, end)) {
    for (let k = 0; k < TILE_SIZE; k += 1) {
      const idx = start + k;
      if (t.bad && t.bad.index === idx) return t.bad;
      if (h.entry) {
        const span = entrySpan(b.entries, k);
        const bad = typeof span === 'string' ? null : h.entry(idx, b.entries.subarray(span[0] + 1, span[1]));
        if (bad) return bad;
      }
      if (k < TILE_SIZE - 1) {
        const bad = atSize(w, idx + 1, () => tilePieces(t.computed, t.root, k + 1));
        if (bad) return bad;
      }
    }
  }
  if (t.bad) return t.bad;
  const bad = closeTile(w, end - 1, t.root, b.nodes!);
  w.out.count = end - w.job.start;
  return bad ?? atSize(w, end, () => []);
}

/** A tile's worth of rows (not packed): entry by entry, as the log stored them before tiles. */
function walkRows(w: Walk, b: Extract<Block, { kind: 'rows' }>): Bad | null | 'gap' {
  const start = b.tile * TILE_SIZE;
  const local = Frontier.empty();
  for (const row of b.rows) {
    const idx = start + local.size;
    if (idx >= w.job.end) break;
    if (row.idx !== idx) return gap(w, local);
    if (Buffer.compare(leafHash(row.leafData), row.leafHash) !== 0) return { index: idx, what: 'leaf', reason: 'the stored leaf hash does not match the leaf data' };
    const completed = local.push(row.leafHash);
    w.out.nodes += completed.length;
    const closes = local.size === TILE_SIZE;
    const expected = completedLevels(idx);
    // The leaf that fills the tile completes its root and maybe larger subtrees: those join the range's frontier.
    let bad = nodeFault(idx, completed, row.nodes.subarray(0, Math.min(row.nodes.length, completed.length * HASH_SIZE)), completed.length);
    if (!bad && row.nodes.length !== expected * HASH_SIZE) bad = { index: idx, what: 'node', reason: `stores ${row.nodes.length} bytes of subtree hashes, expected ${expected * HASH_SIZE}` };
    bad ??= w.hooks.entry?.(idx, row.leafData) ?? null;
    if (bad) return bad;
    if (closes) {
      bad = closeTile(w, idx, local.pieces()[0]!, row.nodes.subarray((TILE_LEVEL - 1) * HASH_SIZE));
      w.out.count = idx + 1 - w.job.start;
      return bad ?? atSize(w, idx + 1, () => []);
    }
    w.out.count = idx + 1 - w.job.start;
    bad = atSize(w, idx + 1, () => local.pieces());
    if (bad) return bad;
  }
  if (start + local.size < Math.min(w.job.end, start + TILE_SIZE)) return gap(w, local);
  w.out.pieces = piecesAt(w, () => local.pieces());
  return null;
}

function gap(w: Walk, local: Frontier): 'gap' {
  w.out.pieces = piecesAt(w, () => local.pieces());
  return 'gap';
}

/** Recomputes a tile's hashes somewhere else (a worker thread), resolving with what `checkTile` returns. */
export type TileHasher = (start: number, hashes: Buffer, entries: Buffer, upper: Buffer | null) => Promise<TileResult>;

// Tiles handed to the hasher ahead of the one walked (about 40 MiB of ~600-byte entries).
const DEPTH = 256;

/**
 * Verifies entries [job.start, job.end) from storage (see the file comment). Stops at the first fault, or where
 * storage has no entry (count tells where; the caller names what is missing). With `hasher`, tiles are hashed
 * there, up to DEPTH tiles ahead, while this thread reads on and walks their results in order.
 */
export async function verifyChunk(db: Db, job: ChunkJob, hooks: RangeHooks = {}, opts: { pageTiles?: number; hasher?: TileHasher } = {}): Promise<ChunkResult> {
  const { pageTiles, hasher } = opts;
  const w: Walk = {
    tiles: Frontier.empty(), job, hooks, wanted: new Set(job.heads), checked: new Set(hooks.sizes ?? []),
    sizes: [...new Set([...job.heads, ...(hooks.sizes ?? [])])].sort((a, b) => a - b),
    out: { start: job.start, count: 0, nodes: 0, bad: null, pieces: [], heads: [], upper: null },
  };
  // Walks one block; true when the walk ends there (a fault, missing entries, or the range's last, partial block).
  const step = async (b: Block, hashed: TileResult | null): Promise<boolean> => {
    const first = b.tile * TILE_SIZE;
    await hooks.beforeBlock?.(first, Math.min(job.end, first + TILE_SIZE));
    const r = b.kind === 'tile' ? walkTile(w, b, hashed ?? checkTile(first, { hashes: b.hashes, entries: b.entries, upper: b.nodes })) : walkRows(w, b);
    if (r === 'gap') return true;
    if (r) {
      w.out.bad = r;
      return true;
    }
    hooks.onProgress?.(job.start + w.out.count);
    return w.out.count < first + TILE_SIZE - job.start;
  };
  const queue: { b: Block; hashed: Promise<TileResult> | null }[] = [];
  let ended = false;
  for await (const b of blocksOf(db, job.start, job.end, pageTiles)) {
    if (!hasher) {
      if ((ended = await step(b, null))) break;
      continue;
    }
    const hashed = b.kind === 'tile' ? hasher(b.tile * TILE_SIZE, b.hashes, b.entries, b.nodes) : null;
    hashed?.catch(() => undefined); // awaited in order below; a rejection is not unhandled meanwhile
    queue.push({ b, hashed });
    while (queue.length > DEPTH && !ended) {
      const q = queue.shift()!;
      ended = await step(q.b, q.hashed ? await q.hashed : null);
    }
    if (ended) break;
  }
  while (queue.length > 0 && !ended) {
    const q = queue.shift()!;
    ended = await step(q.b, q.hashed ? await q.hashed : null);
  }
  // A partial last block or a gap set the pieces (after a fault they do not matter); a range of full tiles has its tiles'.
  if (!ended) w.out.pieces = w.tiles.pieces();
  return w.out;
}
