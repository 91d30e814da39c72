import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { appendEvents, leafDataOf, type Appendable } from '../src/custody/index.js';
import { custodyStore, knob, medicalEvent, rate } from './custody-fixtures.js';
import { benchProofs, benchVerify } from './custody-scale.bench.js';

/**
 * Durable appends/s in batches (each batch one fsync'd SQLite transaction with its signed checkpoint), against
 * bare better-sqlite3 inserts of the same rows (same bytes, no hashing, no checkpoint) in batches of the
 * same size, on the same machine in the same run. Events are signed before the clock starts: agencies sign
 * on their side; the log only hashes, stores and signs its head.
 */
async function benchAppends(dir: string): Promise<void> {
  const n = knob('BENCH_CUSTODY_APPENDS', 100_000);
  const batch = knob('BENCH_CUSTODY_BATCH', 1000);
  const { store, cx, hf, detaineeId } = await custodyStore(join(dir, 'appends.db'));
  let t = performance.now();
  const items: Appendable[] = Array.from({ length: n }, (_, i) => ({ event: medicalEvent(i, hf), detaineeId }));
  const signMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < n; i += batch) await store.db.transaction().execute((trx) => appendEvents({ ...cx, db: trx }, trx, items.slice(i, i + batch)));
  const appendMs = performance.now() - t;
  await store.close();

  const raw = new BetterSqlite3(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(`create table e (idx integer primary key, event_id text not null unique, type text not null, detainee_id text not null, time text not null,
    leaf_data blob not null, leaf_hash blob not null, nodes blob not null, created_at text not null); create index e_d on e (detainee_id, idx)`);
  const ins = raw.prepare('insert into e values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const rows = items.map((it) => [it.event.id, leafDataOf(it.event)] as const);
  const zero = Buffer.alloc(32);
  const empty = Buffer.alloc(0);
  const tx = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) ins.run(i, rows[i]![0], 'medical-event', detaineeId, '2026-01-12T06:30:00.000Z', rows[i]![1], zero, empty, '2026-01-12T06:30:00.000Z');
  });
  t = performance.now();
  for (let i = 0; i < n; i += batch) tx(i, Math.min(n, i + batch));
  const rawMs = performance.now() - t;
  raw.close();
  process.stdout.write(
    `appends: ${n} events (${rows[0]![1].length} bytes each) in batches of ${batch}; signing them beforehand took ${(signMs / 1000).toFixed(2)} s\n` +
      `  durable appends (hash, subtree hashes, head, signed checkpoint per batch): ${rate(n, appendMs)}/s (target >= 20,000/s)\n` +
      `  baseline, bare inserts of the same rows without hashing: ${rate(n, rawMs)}/s\n` +
      `  ratio appends / baseline: ${(rawMs / appendMs).toFixed(3)}\n`,
  );
}

/** `npm run bench` entry: appends, proofs at scale, full verification. Knobs: BENCH_CUSTODY_* (see each part). */
export async function benchCustody(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-custody-'));
  try {
    await benchAppends(dir);
    await benchProofs(dir);
    await benchVerify(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
