import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { DomainError } from '../kernel/index.js';
import { IdentityErrors } from './identity.errors.js';
import type { Gallery, Hit } from './gallery.js';
import { PACKED_DIM } from './templates.js';

/**
 * The HNSW index of the gallery's search vectors (usearch), kept in a file beside the store with a small JSON
 * sidecar naming what it indexes (the count and a hash of the enrollment ids, in order). Opening it checks
 * the sidecar against the gallery and rebuilds (and saves) the index when the file is missing or stale, so
 * the store stays the one source of truth. Like the custody keyring, this is infrastructure the composition
 * roots hand to use cases; nothing else here touches files.
 */

interface UsearchIndex {
  add(keys: BigUint64Array, vectors: Float32Array, threads?: number): void;
  search(vectors: Float32Array, k: number, threads?: number): { keys: BigUint64Array; distances: Float32Array; counts?: BigUint64Array };
  save(path: string): void;
  load(path: string): void;
  size(): number;
}
interface UsearchModule {
  Index: new (config: { dimensions: number; metric: string; quantization: string; connectivity: number; expansion_add: number; expansion_search: number; multi: boolean }) => UsearchIndex;
}

const require = createRequire(import.meta.url);
const usearch = require('usearch') as UsearchModule;

/** Index parameters: cosine metric, 16 links per node, generous expansion (recall over speed). */
export const HNSW_PARAMS = { metric: 'ip', quantization: 'f32', connectivity: 16, expansion_add: 128, expansion_search: 96, multi: false } as const;

const ZMeta = z.object({ version: z.literal(1), count: z.number().int(), dim: z.number().int(), fingerprint: z.string(), params: z.record(z.string(), z.unknown()) });

/** The sidecar fingerprint of a gallery: its size and the hash of its ids in order. */
export function fingerprintOf(ids: readonly string[]): string {
  const h = createHash('sha256');
  for (const id of ids) h.update(id).update('\n');
  return h.digest('hex');
}

/** The index file of a store: beside the SQLite file, or under data/ for PostgreSQL; null for :memory:. */
export function indexPathFor(databaseUrl: string, configured?: string): string | null {
  if (configured) return configured;
  if (!databaseUrl.startsWith('sqlite:')) return join('data', 'identity.usearch');
  const path = databaseUrl.slice('sqlite:'.length);
  return path === ':memory:' ? null : join(dirname(path), 'identity.usearch');
}

/** An opened index: search it, and know whether it was rebuilt. */
export interface GalleryIndex {
  rebuilt: boolean;
  buildMs: number;
  search(probe: Float32Array, k: number): Hit[];
  /** Each row's k nearest other rows (row numbers), for deduplication. */
  neighboursOfAll(g: Gallery, k: number, onProgress?: (done: number) => void): Int32Array;
}

/** Builds an index over row vectors (`dim` wide), keys = row numbers. */
export function buildIndex(
  vectors: Float32Array,
  dim: number,
  opts: { threads?: number; onProgress?: (done: number, total: number) => void; connectivity?: number; expansionAdd?: number } = {},
): UsearchIndex {
  const n = Math.floor(vectors.length / dim);
  const index = new usearch.Index({
    dimensions: dim, ...HNSW_PARAMS, connectivity: opts.connectivity ?? HNSW_PARAMS.connectivity, expansion_add: opts.expansionAdd ?? HNSW_PARAMS.expansion_add,
  });
  const chunk = 10_000;
  for (let at = 0; at < n; at += chunk) {
    const end = Math.min(n, at + chunk);
    const keys = new BigUint64Array(end - at);
    for (let i = at; i < end; i++) keys[i - at] = BigInt(i);
    index.add(keys, vectors.subarray(at * dim, end * dim), opts.threads ?? 2);
    opts.onProgress?.(end, n);
  }
  return index;
}

/** Searches an index, returning hits with inner-product similarity. */
export function searchIndex(index: UsearchIndex, probe: Float32Array, k: number): Hit[] {
  const r = index.search(probe, k, 1);
  const out: Hit[] = [];
  for (let i = 0; i < r.keys.length; i++) {
    const key = r.keys[i];
    if (key === undefined || Number(key) >= 2 ** 53 || r.distances[i] === undefined) continue;
    out.push({ index: Number(key), similarity: 1 - (r.distances[i] as number) });
  }
  return out;
}

/** Loads an index file without checking it (the benchmark's cache); `expansionSearch` trades speed for recall. */
export function loadIndexFile(path: string, dim: number, expansionSearch: number = HNSW_PARAMS.expansion_search): UsearchIndex {
  const index = new usearch.Index({ dimensions: dim, ...HNSW_PARAMS, expansion_search: expansionSearch });
  index.load(path);
  return index;
}

/** Saves an index and its sidecar atomically (write, then rename). */
export function saveIndexFile(index: UsearchIndex, path: string, meta: { count: number; dim: number; fingerprint: string }): void {
  mkdirSync(dirname(path), { recursive: true });
  index.save(`${path}.tmp`);
  renameSync(`${path}.tmp`, path);
  writeFileSync(`${path}.json`, JSON.stringify({ version: 1, ...meta, params: HNSW_PARAMS }));
}

/**
 * Opens the gallery's index at `path`: loads it when the sidecar matches the gallery, else rebuilds it from
 * the gallery and saves it. With `path` null the index lives in memory only.
 * @throws DomainError IDENTITY_INDEX_UNAVAILABLE when the file cannot be written or read.
 */
export function openGalleryIndex(g: Gallery, path: string | null, opts: { threads?: number; onProgress?: (done: number, total: number) => void } = {}): GalleryIndex {
  const fingerprint = fingerprintOf(g.ids);
  const t0 = performance.now();
  let index: UsearchIndex | undefined;
  let rebuilt = false;
  try {
    if (path && existsSync(path) && existsSync(`${path}.json`)) {
      const meta = ZMeta.safeParse(JSON.parse(readFileSync(`${path}.json`, 'utf8')));
      if (meta.success && meta.data.fingerprint === fingerprint && meta.data.count === g.ids.length && meta.data.dim === PACKED_DIM) {
        index = loadIndexFile(path, PACKED_DIM);
        if (index.size() !== g.ids.length) index = undefined;
      }
    }
    if (!index) {
      index = buildIndex(g.vectors, PACKED_DIM, opts);
      rebuilt = true;
      if (path) saveIndexFile(index, path, { count: g.ids.length, dim: PACKED_DIM, fingerprint });
    }
  } catch (e) {
    throw new DomainError('unavailable', IdentityErrors.IDENTITY_INDEX_UNAVAILABLE, `vector index ${path ?? '(memory)'}: ${(e as Error).message}`, { field: 'index', reason: (e as Error).message });
  }
  const idx = index;
  return {
    rebuilt,
    buildMs: performance.now() - t0,
    search: (probe, k) => searchIndex(idx, probe, k),
    neighboursOfAll(gal, k, onProgress) {
      const n = gal.ids.length;
      const out = new Int32Array(n * k).fill(-1);
      const chunk = 2000;
      for (let at = 0; at < n; at += chunk) {
        const end = Math.min(n, at + chunk);
        const r = idx.search(gal.vectors.subarray(at * PACKED_DIM, end * PACKED_DIM), k + 1, 2);
        for (let i = at; i < end; i++) {
          let w = 0;
          for (let j = 0; j < k + 1 && w < k; j++) {
            const key = r.keys[(i - at) * (k + 1) + j];
            if (key === undefined) continue;
            const row = Number(key);
            if (row === i || row >= n) continue;
            out[i * k + w++] = row;
          }
        }
        onProgress?.(end);
      }
      return out;
    },
  };
}
