import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChunkJob, ChunkResult } from './verify-chunk.js';

/**
 * Worker threads for a full verification: each opens its own connection to the store and verifies aligned chunks
 * of the log (verify-chunk.ts), so that reading and hashing run in parallel with each other and with the main
 * thread. Each answer names its chunk; the caller awaits them in log order.
 */

// NOTE: under tsx (the CLI, tests and benchmarks run the TypeScript sources) a worker must register tsx itself
// before it can import a .ts module; a build runs the .js file directly.
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
  await import(workerData.entry);
})().catch((e) => { console.error(e); process.exit(1); });
`;

interface Slot {
  worker: Worker;
  // By chunk start: a worker may answer out of order (its reads are asynchronous on PostgreSQL).
  pending: Map<number, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }>;
}

export class VerifyPool {
  readonly #slots: Slot[];
  readonly #ready: Promise<unknown>;

  private constructor(slots: Slot[], ready: Promise<unknown>) {
    this.#slots = slots;
    this.#ready = ready;
    ready.catch(() => undefined); // a worker that fails to boot fails its jobs; the caller may not wait for it
  }

  /** Resolves once every worker has booted and opened its connection (workers boot in a second or so). */
  get ready(): Promise<unknown> {
    return this.#ready;
  }

  get size(): number {
    return this.#slots.length;
  }

  /** Runs a job on worker `slot`; resolves with its result. */
  async runOn(slot: number, job: ChunkJob): Promise<ChunkResult> {
    await this.#ready;
    const s = this.#slots[slot % this.#slots.length]!;
    return new Promise((resolve, reject) => {
      s.pending.set(job.start, { resolve, reject });
      s.worker.postMessage(job);
    });
  }

  /** Starts `size` workers (default: one per core, at most 4) on the store at `databaseUrl`. */
  static start(databaseUrl: string, size = Math.min(4, Math.max(1, availableParallelism()))): VerifyPool {
    const entry = new URL(import.meta.url.endsWith('.ts') ? './verify-worker.ts' : './verify-worker.js', import.meta.url).href;
    const readies: Promise<unknown>[] = [];
    const slots = Array.from({ length: size }, (): Slot => {
      const worker = new Worker(BOOT, { eval: true, workerData: { databaseUrl, entry } });
      const slot: Slot = { worker, pending: new Map() };
      const failAll = (e: Error) => { for (const j of slot.pending.values()) j.reject(e); slot.pending.clear(); };
      let ready: (v: unknown) => void = () => undefined;
      let failed: (e: Error) => void = () => undefined;
      readies.push(new Promise((res, rej) => { ready = res; failed = rej; }));
      worker.on('message', (m: { ready?: true; start?: number; ok?: ChunkResult; error?: string }) => {
        if (m.ready) return ready(true);
        const job = slot.pending.get(m.start ?? -1);
        slot.pending.delete(m.start ?? -1);
        if (m.ok) job?.resolve(reviveBuffers(m.ok));
        else job?.reject(new Error(`verification worker: ${m.error ?? 'failed'}`));
      });
      worker.on('error', (e) => { failed(e); failAll(e); });
      worker.on('exit', (code) => { const e = new Error(`verification worker exited (${code})`); failed(e); failAll(e); });
      return slot;
    });
    return new VerifyPool(slots, Promise.all(readies));
  }

  /** Stops every worker (their connections closed). */
  async close(): Promise<void> {
    await Promise.all(this.#slots.map(async (s) => {
      const exited = new Promise((r) => s.worker.once('exit', r));
      s.worker.postMessage('close');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      await s.worker.terminate();
    }));
  }
}

// Structured cloning hands Buffers over as plain Uint8Arrays.
function reviveBuffers(r: ChunkResult): ChunkResult {
  const b = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  return { ...r, pieces: r.pieces.map(b), heads: r.heads.map(([s, p]) => [s, p.map(b)]), upper: r.upper ? b(r.upper) : null };
}
