import { hash, verify } from 'node:crypto';
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

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(3)} ms, p50 ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms`;
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
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
    const inc = await timed(samples, (i) => inclusionProof(s.db, picks[i]!.index, size));
    const con = await timed(samples, (i) => consistencyProof(s.db, picks[i]!.old, size));
    const row = await timed(samples, (i) => s.db.selectFrom('custody_entries').select('leaf_hash').where('idx', '=', picks[i]!.index).executeTakeFirst());
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    process.stdout.write(
      `proofs at ${size.toLocaleString('en-US')} entries (built directly in ${(built.ms / 1000).toFixed(1)} s; ${samples} random proofs each, verified):\n` +
        `  inclusion proof: ${stats(inc)} (target <= 1 ms)\n  consistency proof: ${stats(con)} (target <= 1 ms)\n` +
        `  baseline, one primary-key row read through the store: ${stats(row)}\n` +
        `  ratio inclusion / row read: ${(mean(inc) / mean(row)).toFixed(2)}, consistency / row read: ${(mean(con) / mean(row)).toFixed(2)}\n`,
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
  for (let from = 0; from < size; from += 5000) {
    await s.db.selectFrom('custody_entries').select(['idx', 'leaf_data', 'leaf_hash', 'nodes']).where('idx', '>=', from).orderBy('idx').limit(5000).execute();
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
      `  for scale: reading the same rows from the store without hashing: ${(readMs / 1000).toFixed(2)} s (${(readMs / shaMs).toFixed(2)} x SHA-256)\n` +
      `  event signatures apart: Ed25519 ${rate(sigN, sigMs)} verifications/s on one core, so checking every signature of ${size.toLocaleString('en-US')} handovers (2 each) adds about ${((2 * size * sigMs) / sigN / 1000).toFixed(0)} s\n`,
  );
}
