import { hash, verify } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../src/kernel/index.js';
import {
  consistencyProof, inclusionProof, leafHash, rootAt, signingBytes, verifyConsistency, verifyInclusion, verifyLog, parseVerifierKey, type VerifierKey,
} from '../src/custody/index.js';
import { Prng } from '../src/scenario/index.js';
import { openStore } from '../src/store/index.js';
import { buildLogDirect } from './custody-build.js';
import { custodyStore, knob, medicalEvent, rate } from './custody-fixtures.js';

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(3)} ms, p50 ${quantile(s, 0.5).toFixed(3)}, p95 ${quantile(s, 0.95).toFixed(3)}, p99 ${quantile(s, 0.99).toFixed(3)}, max ${s.at(-1)!.toFixed(3)} ms`;
}

/** One timed call: wall time and this process's CPU time (user + system), in ms. */
async function timeOne(fn: () => Promise<unknown>): Promise<[wall: number, cpu: number]> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return [wall, (d.user + d.system) / 1000];
}

/** Of the slowest 1 % of calls, how many spent under half their wall time on the CPU (the process was made to wait). */
function tailCause(wall: readonly number[], cpu: readonly number[]): string {
  const order = wall.map((w, i) => i).sort((a, b) => wall[b]! - wall[a]!).slice(0, Math.max(1, Math.floor(wall.length / 100)));
  const waited = order.filter((i) => cpu[i]! < wall[i]! / 2).length;
  return `${waited} of the ${order.length} slowest waited (CPU < half of wall time)`;
}

/**
 * Inclusion and consistency proof times at 10,000,000 entries (BENCH_CUSTODY_PROOF_SIZE). The log is built
 * straight into SQLite (same rows, same Frontier, small leaves; see custody-build.ts) rather than by appending
 * ten million signed events; proofs are then answered by the real store functions. Baseline: one
 * primary-key row read through the same store.
 */
export async function benchProofs(dir: string): Promise<void> {
  const size = knob('BENCH_CUSTODY_PROOF_SIZE', 10_000_000);
  const samples = knob('BENCH_CUSTODY_PROOF_SAMPLES', 2000);
  const path = join(dir, 'proofs.db');
  const { store, log, detaineeId } = await custodyStore(path);
  await store.close();
  const built = buildLogDirect(path, { size, leafOf: (i) => Buffer.from(`{"i":${i}}`), checkpointEvery: 1_000_000, logSigner: log, detaineeId });
  const s = await openStore(`sqlite:${path}`);
  try {
    const rng = new Prng('custody-proofs');
    const picks = Array.from({ length: samples }, () => ({ index: rng.int(0, size - 1), old: rng.int(1, size - 1) }));
    for (const p of picks.slice(0, 20)) {
      const leaf = leafHash(Buffer.from(`{"i":${p.index}}`));
      if (verifyInclusion({ index: p.index, size }, leaf, await inclusionProof(s.db, p.index, size), built.root) !== null) throw new Error('bad inclusion proof');
      if (verifyConsistency({ size1: p.old, size2: size }, await consistencyProof(s.db, p.old, size), await rootAt(s.db, p.old), built.root) !== null) throw new Error('bad consistency proof');
    }
    // Warm up as a running server would be (statements, page cache, the in-memory upper tree levels), then time the
    // three kinds of call interleaved, so that a burst of load from other processes hits all of them alike.
    for (const p of picks.slice(0, 200)) {
      await inclusionProof(s.db, p.index, size);
      await consistencyProof(s.db, p.old, size);
    }
    const gcs: number[] = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push(e.duration); });
    obs.observe({ entryTypes: ['gc'] });
    const inc: number[] = [], con: number[] = [], row: number[] = [], incCpu: number[] = [], conCpu: number[] = [], rowCpu: number[] = [];
    const t0 = performance.now();
    for (const p of picks) {
      const [a, ac] = await timeOne(() => inclusionProof(s.db, p.index, size));
      const [b, bc] = await timeOne(() => consistencyProof(s.db, p.old, size));
      const [c, cc] = await timeOne(() => s.db.selectFrom('custody_entries').select('event_id').where('idx', '=', p.index).executeTakeFirst());
      inc.push(a); incCpu.push(ac); con.push(b); conCpu.push(bc); row.push(c); rowCpu.push(cc);
    }
    const loopMs = performance.now() - t0;
    obs.disconnect();
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    const p99 = (a: number[]) => quantile([...a].sort((x, y) => x - y), 0.99);
    process.stdout.write(
      `proofs at ${size.toLocaleString('en-US')} entries (built directly in ${(built.ms / 1000).toFixed(1)} s; ${samples} random proofs each after 200 warm-up ones, interleaved with the baseline, verified):\n` +
        `  inclusion proof: ${stats(inc)} (target <= 1 ms); CPU time p99 ${p99(incCpu).toFixed(3)} ms; ${tailCause(inc, incCpu)}\n` +
        `  consistency proof: ${stats(con)} (target <= 1 ms); CPU time p99 ${p99(conCpu).toFixed(3)} ms; ${tailCause(con, conCpu)}\n` +
        `  baseline, one primary-key row read through the store: ${stats(row)}; CPU time p99 ${p99(rowCpu).toFixed(3)} ms\n` +
        `  ratio inclusion / row read: mean ${(mean(inc) / mean(row)).toFixed(2)}, p99 ${(p99(inc) / p99(row)).toFixed(2)}; consistency / row read: mean ${(mean(con) / mean(row)).toFixed(2)}, p99 ${(p99(con) / p99(row)).toFixed(2)}\n` +
        `  garbage collection during the ${(loopMs / 1000).toFixed(1)} s timed loop: ${gcs.length} pauses, longest ${gcs.length ? Math.max(...gcs).toFixed(2) : '0'} ms, total ${gcs.reduce((x, y) => x + y, 0).toFixed(1)} ms\n`,
    );
  } finally {
    await s.close();
  }
}

/**
 * Full verification of 1,000,000 entries (BENCH_CUSTODY_VERIFY) of handover-sized leaves (about 600 bytes), against
 * node:crypto SHA-256 of the same bytes, entry by entry, in memory. Verification here recomputes every leaf
 * hash, every stored subtree hash, every checkpoint (signature and root) and the head, reading from SQLite, with
 * worker threads reading and hashing chunks while the main thread folds them (and, for comparison, on one thread);
 * event signatures are measured apart, as Ed25519 verifications per second.
 */
export async function benchVerify(dir: string): Promise<void> {
  const size = knob('BENCH_CUSTODY_VERIFY', 1_000_000);
  const path = join(dir, 'verify.db');
  const { store, cx, hf, log, detaineeId } = await custodyStore(path);
  await store.close();
  const template = medicalEvent(0, hf);
  const text = canonicalJson(template);
  const leaves: Buffer[] = [];
  const built = buildLogDirect(path, {
    size, checkpointEvery: 10_000, logSigner: log, detaineeId,
    leafOf: (i) => {
      const data = Buffer.from(text.replace(template.id, String(i).padStart(26, '0')));
      leaves.push(data);
      return data;
    },
  });
  const s = await openStore(`sqlite:${path}`);
  let t = performance.now();
  const sequential = await verifyLog({ ...cx, db: s.db }, { signatures: false });
  const sequentialMs = performance.now() - t;
  t = performance.now();
  const report = await verifyLog({ ...cx, db: s.db }, { signatures: false, databaseUrl: `sqlite:${path}` });
  const verifyMs = performance.now() - t;
  if (!sequential.ok) throw new Error(`sequential verification failed: ${JSON.stringify(sequential.firstBad)}`);
  t = performance.now();
  for (let from = 0; from * 256 < size; from += 16) {
    await s.db.selectFrom('custody_tiles').select(['tile', 'hashes', 'entries']).where('tile', '>=', from).orderBy('tile').limit(16).execute();
  }
  const readMs = performance.now() - t;
  await s.close();
  if (!report.ok) throw new Error(`verification failed: ${JSON.stringify(report.firstBad)}`);
  t = performance.now();
  for (const l of leaves) hash('sha256', l, 'buffer');
  const shaMs = performance.now() - t;
  const key = parseVerifierKey(hf.verifier) as VerifierKey;
  const bytes = signingBytes(template);
  const sig = Buffer.from(template.signatures[0]!.sig, 'base64');
  const sigN = Math.min(size, 20_000);
  t = performance.now();
  for (let i = 0; i < sigN; i += 1) verify(null, bytes, key.key, sig);
  const sigMs = performance.now() - t;
  process.stdout.write(
    `full verification of ${size.toLocaleString('en-US')} entries (${leaves[0]!.length} bytes each; built in ${(built.ms / 1000).toFixed(1)} s):\n` +
      `  verify in worker threads (${availableParallelism()} cores; leaves, ${report.nodes.toLocaleString('en-US')} subtree hashes, ${report.checkpoints} signed checkpoints, head; read from SQLite): ${(verifyMs / 1000).toFixed(2)} s = ${rate(size, verifyMs)} entries/s\n` +
      `  the same on one thread (the pass before workers): ${(sequentialMs / 1000).toFixed(2)} s (${(sequentialMs / shaMs).toFixed(2)} x SHA-256)\n` +
      `  baseline, node:crypto SHA-256 of the same bytes, entry by entry in memory: ${(shaMs / 1000).toFixed(2)} s\n` +
      `  ratio verify / SHA-256: ${(verifyMs / shaMs).toFixed(2)} (target <= 2)\n` +
      `  for scale: reading the same tiles from the store without hashing: ${(readMs / 1000).toFixed(2)} s (${(readMs / shaMs).toFixed(2)} x SHA-256)\n` +
      `  event signatures apart: Ed25519 ${rate(sigN, sigMs)} verifications/s on one core, so checking every signature of ${size.toLocaleString('en-US')} handovers (2 each) adds about ${((2 * size * sigMs) / sigN / 1000).toFixed(0)} s\n`,
  );
}
