import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { DomainError } from '../kernel/index.js';
import { IdentityErrors } from './identity.errors.js';
import { exactSearch as exactSearchLoop, type Gallery, type Hit } from './gallery.js';
import { PACKED_DIM } from './templates.js';

/**
 * The HNSW index of the gallery's search vectors (usearch), kept in a file beside the store with a JSON
 * sidecar listing the enrollment ids it holds, in key order (key i is the i-th id). The index is kept up to
 * date as enrollments arrive (`add`), not rebuilt: opening it against the gallery adds the enrollments the
 * file lacks (an enrollment stored while no index was open), and rebuilds only when the file holds an id
 * the store does not, or was made with other parameters. The store stays the one source of truth. Like the
 * custody keyring, this is infrastructure the composition roots hand to use cases; nothing else here touches
 * files.
 *
 * The index stores vectors quantised to 8 bits (a quarter of the memory, and faster distances); each search
 * asks it for `rerank` candidates and orders them by the exact float32 inner product, so quantisation costs
 * recall only when a true neighbour falls outside the candidates.
 */

interface UsearchIndex {
  add(keys: BigUint64Array, vectors: Float32Array, threads?: number): void;
  search(vectors: Float32Array, k: number, threads?: number): { keys: BigUint64Array; distances: Float32Array; counts?: BigUint64Array };
  save(path: string): void;
  load(path: string): void;
  view(path: string): void;
  size(): number;
}
interface UsearchModule {
  Index: new (config: { dimensions: number; metric: string; quantization: string; connectivity: number; expansion_add: number; expansion_search: number; multi: boolean }) => UsearchIndex;
  exactSearch(dataset: Float32Array, queries: Float32Array, dimensions: number, count: number, metric: string, threads?: number): { keys: BigUint64Array; distances: Float32Array };
}

const require = createRequire(import.meta.url);
const usearch = require('usearch') as UsearchModule;

/** How an index is built and searched. */
export interface HnswParams {
  quantization: 'f32' | 'f16' | 'i8';
  /** Links per node (M). */
  connectivity: number;
  /** Candidate list while inserting (efConstruction). */
  expansion_add: number;
  /** Candidate list while searching (ef). */
  expansion_search: number;
  /** Candidates taken from the index and re-ranked by the exact inner product. */
  rerank: number;
}

/**
 * The product's parameters, for 128-value search vectors: 8-bit vectors, M 16, ef 512 and the best 50
 * re-ranked exactly (on a 20,000-capture gallery like the scenario's: recall@10 0.99 against exact search,
 * where ef 256 gave 0.98 and no re-ranking 0.92).
 */
export const HNSW_PARAMS: Readonly<HnswParams> = { quantization: 'i8', connectivity: 16, expansion_add: 128, expansion_search: 512, rerank: 50 };

const ZMeta = z.object({
  version: z.literal(2), dim: z.number().int(), ids: z.array(z.string()),
  params: z.object({ quantization: z.string(), connectivity: z.number(), expansion_add: z.number() }).passthrough(),
});

function newIndex(dim: number, p: HnswParams): UsearchIndex {
  return new usearch.Index({ dimensions: dim, metric: 'ip', quantization: p.quantization, connectivity: p.connectivity, expansion_add: p.expansion_add, expansion_search: p.expansion_search, multi: false });
}

/** The index file of a store: beside the SQLite file, or under data/ for PostgreSQL; null for :memory:. */
export function indexPathFor(databaseUrl: string, configured?: string): string | null {
  if (configured) return configured;
  if (!databaseUrl.startsWith('sqlite:')) return join('data', 'identity.usearch');
  const path = databaseUrl.slice('sqlite:'.length);
  return path === ':memory:' ? null : join(dirname(path), 'identity.usearch');
}

/**
 * Builds an index over row vectors (`dim` wide), keys = row numbers, inserting on `threads` threads (usearch
 * splits each batch over them); progress after each batch of 10,000.
 */
export function buildIndex(
  vectors: Float32Array,
  dim: number,
  opts: { threads?: number; onProgress?: (done: number, total: number) => void; params?: HnswParams } = {},
): UsearchIndex {
  const n = Math.floor(vectors.length / dim);
  const index = newIndex(dim, opts.params ?? HNSW_PARAMS);
  addRows(index, { vectors, dim, from: 0, to: n, firstKey: 0 }, opts);
  return index;
}

/** Adds rows [from, to) of `vectors` under keys firstKey, firstKey + 1, … in batches of 10,000. */
function addRows(index: UsearchIndex, rows: { vectors: Float32Array; dim: number; from: number; to: number; firstKey: number }, opts: { threads?: number; onProgress?: (done: number, total: number) => void }): void {
  const { vectors, dim, from, to, firstKey } = rows;
  const chunk = 10_000;
  for (let at = from; at < to; at += chunk) {
    const end = Math.min(to, at + chunk);
    const keys = new BigUint64Array(end - at);
    for (let i = at; i < end; i++) keys[i - at] = BigInt(firstKey + i - from);
    index.add(keys, vectors.subarray(at * dim, end * dim), opts.threads ?? 2);
    opts.onProgress?.(end - from, to - from);
  }
}

/**
 * Searches an index: `rerank` candidates from the graph, ordered by their exact inner product with the probe
 * (`rowOf` maps a key to its row of `vectors`; keys without a row are dropped), the best `k` kept.
 */
export function searchIndex(
  index: UsearchIndex,
  probe: Float32Array,
  k: number,
  exact?: { vectors: Float32Array; rerank?: number; rowOf?: (key: number) => number },
): Hit[] {
  const want = exact ? Math.max(k, exact.rerank ?? HNSW_PARAMS.rerank) : k;
  const r = index.search(probe, want, 1);
  const out: Hit[] = [];
  const dim = probe.length;
  for (let i = 0; i < r.keys.length; i++) {
    const key = r.keys[i];
    if (key === undefined || Number(key) >= 2 ** 53 || r.distances[i] === undefined) continue;
    if (!exact) {
      out.push({ index: Number(key), similarity: 1 - (r.distances[i] as number) });
      continue;
    }
    const row = exact.rowOf ? exact.rowOf(Number(key)) : Number(key);
    if (row < 0) continue;
    const v = exact.vectors;
    const base = row * dim;
    let s = 0;
    for (let j = 0; j < dim; j++) s += (v[base + j] as number) * (probe[j] as number);
    out.push({ index: row, similarity: s });
  }
  if (exact) out.sort((a, b) => b.similarity - a.similarity || a.index - b.index);
  return out.slice(0, k);
}

/**
 * Exact 1:N search in native code (usearch's SIMD kernels, one thread): the same result as `exactSearch` in
 * gallery.ts, at the speed of streaming the gallery's bytes.
 */
export function exactSearchNative(vectors: Float32Array, probe: Float32Array, k: number, skip = -1): Hit[] {
  const dim = probe.length;
  const n = Math.floor(vectors.length / dim);
  const want = Math.min(n, skip >= 0 ? k + 1 : k);
  if (want <= 0) return [];
  // usearch 2.25's exactSearch reads a typed array from the start of its buffer, ignoring a view's offset: a
  // probe that is a view into the gallery is copied, and a gallery that is itself an offset view is searched
  // by the reference loop.
  if (vectors.byteOffset !== 0) return exactSearchLoop(vectors, probe, k, skip);
  const q = probe.byteOffset === 0 ? probe : probe.slice();
  const r = usearch.exactSearch(vectors.length === n * dim ? vectors : vectors.subarray(0, n * dim), q, dim, want, 'ip', 1);
  const out: Hit[] = [];
  for (let i = 0; i < r.keys.length && out.length < k; i++) {
    const row = Number(r.keys[i]);
    if (row === skip || row >= n) continue;
    out.push({ index: row, similarity: 1 - (r.distances[i] as number) });
  }
  return out;
}

/** Loads an index file without checking it (the benchmark's cache), memory-mapped when `view`. */
export function loadIndexFile(path: string, dim: number, params: HnswParams = HNSW_PARAMS, opts: { view?: boolean } = {}): UsearchIndex {
  const index = newIndex(dim, params);
  if (opts.view) index.view(path);
  else index.load(path);
  return index;
}

/** Saves an index and its sidecar atomically (write, then rename). */
export function saveIndexFile(index: UsearchIndex, path: string, meta: { dim: number; ids: readonly string[]; params?: HnswParams }): void {
  mkdirSync(dirname(path), { recursive: true });
  index.save(`${path}.tmp`);
  writeFileSync(`${path}.json.tmp`, JSON.stringify({ version: 2, dim: meta.dim, ids: meta.ids, params: meta.params ?? HNSW_PARAMS }));
  renameSync(`${path}.tmp`, path);
  renameSync(`${path}.json.tmp`, `${path}.json`);
}

/** An opened index over a gallery's enrollments. */
export interface GalleryIndex {
  /** True when the file was (re)built from scratch on opening. */
  rebuilt: boolean;
  /** Enrollments added to the file on opening (stored while no index was open). */
  caughtUp: number;
  buildMs: number;
  /** The enrollment ids the index holds, in key order. */
  readonly ids: readonly string[];
  /** The gallery's rows nearest the probe, re-ranked exactly (rows of `g`, the gallery it was opened on by default). */
  search(probe: Float32Array, k: number, g?: Gallery): Hit[];
  /** The enrollments nearest the probe, by id, re-ranked exactly against the vectors the index keeps. */
  searchIds(probe: Float32Array, k: number): { id: string; similarity: number }[];
  /** Adds new enrollments (their ids and search vectors, PACKED_DIM wide each); ids already held are skipped. */
  add(ids: readonly string[], vectors: Float32Array): number;
  /** Writes the file and sidecar (when a path was given and something changed). */
  save(): void;
  /** Each row's k nearest other rows (row numbers), for deduplication: batched queries on `threads` threads. */
  neighboursOfAll(g: Gallery, k: number, opts?: { threads?: number; onProgress?: (done: number) => void }): Int32Array;
}

function rowsOf(g: Gallery): Map<string, number> {
  const m = new Map<string, number>();
  g.ids.forEach((id, i) => m.set(id, i));
  return m;
}

/**
 * Opens the gallery's index at `path`: loads the file when its sidecar holds only enrollments of the gallery
 * (adding those it lacks), else builds it from the gallery; saves when anything changed. With `path` null the
 * index lives in memory only.
 * @throws DomainError IDENTITY_INDEX_UNAVAILABLE when the file cannot be written or read.
 */
export function openGalleryIndex(g: Gallery, path: string | null, opts: { threads?: number; onProgress?: (done: number, total: number) => void; params?: HnswParams } = {}): GalleryIndex {
  const params = opts.params ?? HNSW_PARAMS;
  const t0 = performance.now();
  let index: UsearchIndex | undefined;
  let ids: string[] = [];
  let rebuilt = false;
  let caughtUp = 0;
  let dirty = false;
  const rowOfId = rowsOf(g);
  const fail = (e: unknown): never => {
    throw new DomainError('unavailable', IdentityErrors.IDENTITY_INDEX_UNAVAILABLE, `vector index ${path ?? '(memory)'}: ${(e as Error).message}`, { field: 'index', reason: (e as Error).message });
  };
  try {
    if (path && existsSync(path) && existsSync(`${path}.json`)) {
      const meta = ZMeta.safeParse(JSON.parse(readFileSync(`${path}.json`, 'utf8')));
      const same = meta.success && meta.data.dim === PACKED_DIM && meta.data.params.quantization === params.quantization
        && meta.data.params.connectivity === params.connectivity && meta.data.params.expansion_add === params.expansion_add;
      if (same && meta.data.ids.every((id) => rowOfId.has(id))) {
        const loaded = loadIndexFile(path, PACKED_DIM, params);
        if (loaded.size() === meta.data.ids.length) {
          index = loaded;
          ids = meta.data.ids;
        }
      }
    }
    if (!index) {
      index = buildIndex(g.vectors, PACKED_DIM, { ...opts, params });
      ids = [...g.ids];
      rebuilt = true;
      dirty = true;
    } else if (ids.length < g.ids.length) {
      const held = new Set(ids);
      const missing = g.ids.map((id, i) => [id, i] as const).filter(([id]) => !held.has(id));
      const vectors = new Float32Array(missing.length * PACKED_DIM);
      missing.forEach(([, row], i) => vectors.set(g.vectors.subarray(row * PACKED_DIM, (row + 1) * PACKED_DIM), i * PACKED_DIM));
      addRows(index, { vectors, dim: PACKED_DIM, from: 0, to: missing.length, firstKey: ids.length }, opts);
      ids.push(...missing.map(([id]) => id));
      caughtUp = missing.length;
      dirty = true;
    }
  } catch (e) {
    fail(e);
  }
  const idx = index as UsearchIndex;
  const held = new Set(ids);
  // The float32 vectors of the held enrollments in key order, for exact re-ranking (grown by doubling).
  let vecs = new Float32Array(Math.max(16, ids.length) * PACKED_DIM);
  ids.forEach((id, key) => {
    const row = rowOfId.get(id) as number;
    vecs.set(g.vectors.subarray(row * PACKED_DIM, (row + 1) * PACKED_DIM), key * PACKED_DIM);
  });
  const save = () => {
    if (!path || !dirty) return;
    try {
      saveIndexFile(idx, path, { dim: PACKED_DIM, ids, params });
      dirty = false;
    } catch (e) {
      fail(e);
    }
  };
  save();
  const rowOfKey = (gal: Gallery) => {
    const rows = gal === g ? rowOfId : rowsOf(gal);
    return (key: number) => rows.get(ids[key] ?? '') ?? -1;
  };
  return {
    rebuilt,
    caughtUp,
    buildMs: performance.now() - t0,
    ids,
    search: (probe, k, gal = g) => searchIndex(idx, probe, k, { vectors: gal.vectors, rerank: params.rerank, rowOf: rowOfKey(gal) }),
    searchIds: (probe, k) => searchIndex(idx, probe, k, { vectors: vecs, rerank: params.rerank, rowOf: (key) => (key < ids.length ? key : -1) })
      .map((h) => ({ id: ids[h.index] as string, similarity: h.similarity })),
    add(newIds, vectors) {
      const fresh = newIds.map((id, i) => [id, i] as const).filter(([id]) => !held.has(id));
      if (fresh.length === 0) return 0;
      const v = new Float32Array(fresh.length * PACKED_DIM);
      fresh.forEach(([, i], j) => v.set(vectors.subarray(i * PACKED_DIM, (i + 1) * PACKED_DIM), j * PACKED_DIM));
      try {
        addRows(idx, { vectors: v, dim: PACKED_DIM, from: 0, to: fresh.length, firstKey: ids.length }, { threads: 1 });
      } catch (e) {
        fail(e);
      }
      if ((ids.length + fresh.length) * PACKED_DIM > vecs.length) {
        const grown = new Float32Array(Math.max(vecs.length * 2, (ids.length + fresh.length) * PACKED_DIM));
        grown.set(vecs);
        vecs = grown;
      }
      vecs.set(v, ids.length * PACKED_DIM);
      for (const [id] of fresh) {
        ids.push(id);
        held.add(id);
      }
      dirty = true;
      return fresh.length;
    },
    save,
    neighboursOfAll(gal, k, o = {}) {
      const n = gal.ids.length;
      const out = new Int32Array(n * k).fill(-1);
      const rowOf = rowOfKey(gal);
      const want = Math.max(k + 1, params.rerank);
      const chunk = 2000;
      for (let at = 0; at < n; at += chunk) {
        const end = Math.min(n, at + chunk);
        const r = idx.search(gal.vectors.subarray(at * PACKED_DIM, end * PACKED_DIM), want, o.threads ?? 2);
        for (let i = at; i < end; i++) {
          // Re-rank the candidates exactly, then keep the best k other rows.
          const cand: { row: number; s: number }[] = [];
          for (let j = 0; j < want; j++) {
            const key = r.keys[(i - at) * want + j];
            if (key === undefined || Number(key) >= 2 ** 53) continue;
            const row = rowOf(Number(key));
            if (row < 0 || row === i) continue;
            let s = 0;
            for (let d = 0; d < PACKED_DIM; d++) s += (gal.vectors[i * PACKED_DIM + d] as number) * (gal.vectors[row * PACKED_DIM + d] as number);
            cand.push({ row, s });
          }
          cand.sort((a, b) => b.s - a.s);
          for (let w = 0; w < k && w < cand.length; w++) out[i * k + w] = cand[w]!.row;
        }
        o.onProgress?.(end);
      }
      return out;
    },
  };
}
