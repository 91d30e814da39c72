import type { Db } from '../store/index.js';
import type { TVerifyReport } from './custody.schemas.js';
import { Frontier } from './frontier.js';
import { entryPage } from './log.store.js';
import { completedLevels, HASH_SIZE, leafHash, pow2 } from './merkle.js';

/**
 * One aligned chunk of a full verification, as a worker thread runs it: read entries [start, end) (end − start a
 * power of two, start a multiple of it, except the log's last chunk, which may be shorter), recompute every leaf
 * hash and every subtree hash inside the chunk, compare them with storage, and hand back what the main thread
 * needs to go on: the chunk's perfect pieces, the pieces at each signed or witnessed head's size inside it, and the
 * stored hashes of the subtrees larger than the chunk that its last entry completes.
 */

type Bad = NonNullable<TVerifyReport['firstBad']>;

export interface ChunkJob {
  start: number;
  /** Exclusive; at most start + 2^level. */
  end: number;
  /** log2 of the full chunk size. */
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

export function nodeFault(idx: number, completed: readonly Buffer[], stored: Buffer, expected = completed.length): Bad | null {
  if (stored.length !== expected * HASH_SIZE) return { index: idx, what: 'node', reason: `stores ${stored.length} bytes of subtree hashes, expected ${expected * HASH_SIZE}` };
  for (let l = 0; l < completed.length; l += 1) {
    if (Buffer.compare(completed[l]!, stored.subarray(l * HASH_SIZE, (l + 1) * HASH_SIZE)) !== 0) {
      const span = pow2(l + 1);
      return { index: idx, what: 'node', reason: `the subtree hash at level ${l + 1} over entries ${idx + 1 - span}..${idx} does not match its children` };
    }
  }
  return null;
}

/** Verifies one chunk from storage (see the file comment). */
export async function verifyChunk(db: Db, job: ChunkJob, pageSize = 5000): Promise<ChunkResult> {
  const local = Frontier.empty();
  const heads = new Set(job.heads);
  const out: ChunkResult = { start: job.start, count: 0, nodes: 0, bad: null, pieces: [], heads: [], upper: null };
  const full = pow2(job.level);
  for (let at = job.start; at < job.end && out.bad === null;) {
    const want = Math.min(pageSize, job.end - at);
    const rows = await entryPage(db, at, want);
    if (rows.length === 0) break;
    for (const row of rows) {
      const idx = job.start + local.size;
      if (row.idx >= job.end) break;
      if (row.idx !== idx) { out.bad = { index: idx, what: 'entry', reason: `missing (the next stored entry is ${row.idx})` }; break; }
      if (Buffer.compare(leafHash(row.leafData), row.leafHash) !== 0) { out.bad = { index: idx, what: 'leaf', reason: 'the stored leaf hash does not match the leaf data' }; break; }
      const completed = local.push(row.leafHash);
      out.nodes += completed.length;
      // The entry that completes a full chunk may complete larger subtrees too: the main thread checks those.
      const closes = local.size === full;
      out.bad = nodeFault(idx, completed, closes ? row.nodes.subarray(0, Math.min(row.nodes.length, job.level * HASH_SIZE)) : row.nodes);
      if (!out.bad && closes && row.nodes.length !== completedLevels(idx) * HASH_SIZE) {
        out.bad = { index: idx, what: 'node', reason: `stores ${row.nodes.length} bytes of subtree hashes, expected ${completedLevels(idx) * HASH_SIZE}` };
      }
      if (out.bad) break;
      if (closes) out.upper = Buffer.from(row.nodes.subarray(job.level * HASH_SIZE));
      out.count = local.size;
      if (heads.has(idx + 1)) out.heads.push([idx + 1, local.pieces()]);
    }
    at = job.start + local.size;
    if (rows.length < want) break;
  }
  out.pieces = local.pieces();
  return out;
}
