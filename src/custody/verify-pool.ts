import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkTile, type TileResult } from './tile-check.js';

/**
 * Hash worker threads for a full verification: this thread reads the tiles (a few large blobs) and hands each to a
 * worker, which recomputes its leaf and subtree hashes (`checkTile`) while this thread reads on and walks the
 * results in log order. A worker runs `checkTile` from its source text with nothing else loaded, so it starts in
 * milliseconds (a worker that imported the module under tsx would spend seconds booting a module loader).
 */

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
var __name = (target) => target;
const sha = (data) => hash('sha256', data, 'buffer');
const checkTile = ${checkTile.toString()};
const buf = (u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
parentPort.on('message', (m) => {
  if (m === 'close') return parentPort.close();
  try {
    const r = checkTile(m.start, { hashes: buf(m.hashes), entries: buf(m.entries), upper: m.upper ? buf(m.upper) : null }, sha);
    parentPort.postMessage({ id: m.id, ok: r });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message || e) });
  }
});
`;

interface Pending {
  resolve: (r: TileResult) => void;
  reject: (e: Error) => void;
}

export class HashPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  #next = 0;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
  }

  /** Starts `size` hash workers (default: one per core, at most 4). */
  static start(size = Math.min(4, Math.max(1, availableParallelism()))): HashPool {
    const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(SOURCE, { eval: true }));
    const pool = new HashPool(workers);
    for (const w of workers) {
      w.on('message', (m: { id: number; ok?: TileResult; error?: string }) => {
        const p = pool.#pending.get(m.id);
        pool.#pending.delete(m.id);
        if (m.ok) p?.resolve(revive(m.ok));
        else p?.reject(new Error(`hash worker: ${m.error ?? 'failed'}`));
      });
      w.on('error', (e) => pool.#failAll(e));
      w.on('exit', (code) => { if (code !== 0) pool.#failAll(new Error(`hash worker exited (${code})`)); });
    }
    return pool;
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Checks one tile in a worker (round robin). */
  check(start: number, hashes: Buffer, entries: Buffer, upper: Buffer | null): Promise<TileResult> {
    const id = this.#next;
    this.#next += 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#workers[id % this.#workers.length]!.postMessage({ id, start, hashes, entries, upper });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map(async (w) => {
      const exited = new Promise((r) => w.once('exit', r));
      w.postMessage('close');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      await w.terminate();
    }));
  }

  #failAll(e: Error): void {
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }
}

// Structured cloning hands Buffers over as plain Uint8Arrays.
function revive(r: TileResult): TileResult {
  const b = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  return { ...r, computed: b(r.computed), root: b(r.root) };
}
