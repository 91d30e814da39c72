import { requirePermission, type Ctx } from '../access/index.js';
import { inTransaction } from '../store/index.js';
import type { TDedupResult } from './identity.schemas.js';
import { loadGallery, type Gallery } from './gallery.js';
import { knnAll } from './knn-workers.js';
import { candidatePairs } from './link.js';
import { queuePairs, scorePair, type ScoredPair } from './queue.js';
import { PACKED_DIM } from './templates.js';
import { HNSW_PARAMS, type HnswParams } from './hnsw-index.file.js';

/** Biometric neighbours per enrollment scored by the fused matcher. */
export const DEDUP_K = 5;
/**
 * Index search parameters for deduplication: a duplicate sits far above every stranger (mean cosine about 0.6
 * against 0 ± 0.1), so a short candidate list finds it; only neighbours above KNN_FLOOR are scored anyway.
 */
export const DEDUP_INDEX_PARAMS: Readonly<HnswParams> = { ...HNSW_PARAMS, expansion_search: 64, rerank: 16 };

/** The least inner product (mean template cosine) at which a biometric neighbour is scored. */
export const KNN_FLOOR = 0.2;

function dot(v: Float32Array, a: number, b: number): number {
  let s = 0;
  for (let k = 0; k < PACKED_DIM; k++) s += (v[a * PACKED_DIM + k] as number) * (v[b * PACKED_DIM + k] as number);
  return s;
}

/** The largest name block compared in deduplication (common names make huge blocks that say little). */
const NAME_BLOCK = 12;

export interface DedupOptions {
  threads?: number;
  /** Progress in gallery rows searched (biometric) and then pairs scored. */
  onProgress?: (p: { phase: 'search' | 'score'; done: number; total: number }) => void;
  /**
   * Nearest neighbours from an index instead of the exact worker search (the CLI passes the HNSW index for
   * large galleries). Returns each row's `k` neighbours as gallery row numbers.
   */
  neighbours?: (g: Gallery, k: number) => Promise<Int32Array>;
}

/**
 * The candidate pairs of a gallery, scored: each enrollment's biometric nearest neighbours (exact search in
 * worker threads, or an index) together with the pairs that name blocking finds (a name token pair, or a
 * name token and birth year, in common), each scored by the fused matcher.
 */
export async function scoreGallery(g: Gallery, opts: DedupOptions = {}): Promise<ScoredPair[]> {
  const n = g.ids.length;
  let done = 0;
  const nn = opts.neighbours
    ? await opts.neighbours(g, DEDUP_K)
    : (await knnAll(g.vectors, PACKED_DIM, DEDUP_K, {
        threads: opts.threads ?? 2,
        onProgress: (rows) => {
          done += rows;
          opts.onProgress?.({ phase: 'search', done, total: n });
        },
      })).index;
  const keys = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (a: number, b: number) => {
    if (a < 0 || b < 0 || a === b) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const code = x * n + y;
    if (keys.has(code)) return;
    keys.add(code);
    pairs.push([x, y]);
  };
  // A biometric neighbour below KNN_FLOOR is only the nearest of strangers: it is left to name blocking, which
  // finds the pairs whose names agree whatever their templates say.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < DEDUP_K; j++) {
      const b = nn[i * DEDUP_K + j] ?? -1;
      if (b >= 0 && dot(g.vectors, i, b) >= KNN_FLOOR) add(i, b);
    }
  }
  for (const [a, b] of candidatePairs(g.records, null, NAME_BLOCK, ['nn:'])) add(a, b);
  const out: ScoredPair[] = [];
  const step = Math.max(1, Math.floor(pairs.length / 100));
  pairs.forEach(([a, b], i) => {
    out.push(scorePair(g, a, b));
    if (i % step === 0) opts.onProgress?.({ phase: 'score', done: i, total: pairs.length });
  });
  opts.onProgress?.({ phase: 'score', done: pairs.length, total: pairs.length });
  return out;
}

/**
 * Deduplicates the whole gallery: scores every candidate pair (see `scoreGallery`) and queues those at or
 * above the fused threshold for adjudication (pairs already queued or decided are left alone). Requires
 * `identity:adjudicate` (the identification team). Audited.
 */
export async function dedupGallery(ctx: Ctx, opts: DedupOptions = {}): Promise<TDedupResult> {
  requirePermission(ctx.principal, 'identity:adjudicate');
  const g = await loadGallery(ctx.db);
  const scored = await scoreGallery(g, opts);
  const now = ctx.clock.now().toISOString();
  const matches = scored.filter((p) => p.match && g.detaineeIds[p.a] !== g.detaineeIds[p.b]);
  return inTransaction(ctx.db, async (trx) => {
    const queued = await queuePairs(trx, g, matches, { source: 'dedup', now });
    await ctx.audit.record(trx, { action: 'identity.dedup', subjectType: 'enrollment', details: { enrollments: g.ids.length, compared: scored.length, candidates: matches.length, queued } });
    return { enrollments: g.ids.length, compared: scored.length, candidates: matches.length, queued, method: opts.neighbours ? 'index' : 'exact' };
  });
}
