import { canonicalBytes, isDomainError } from '../kernel/index.js';
import { inTransaction } from '../store/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { applyEvent, type CustodyState } from './chain.js';
import { logVerifierKeys, verifierKeys } from './custody-keys.js';
import type { TVerifyReport } from './custody.schemas.js';
import { signatureFault } from './event-sign.js';
import { eventOfLeaf } from './history.js';
import { indexExtent, indexPage, loggedDetainees, nextStored, readHead, storedExtent } from './log.store.js';
import { foldPieces } from './merkle.js';
import { verifyChunk } from './verify-chunk.js';
import { HashPool } from './verify-pool.js';
import type { VerifierKey } from './note.js';
import { recordRun } from './verification-runs.js';
import { HeadChecks } from './verify-heads.js';

/** How far a verification has got. */
export interface VerifyProgress {
  done: number;
  total: number;
}

export interface VerifyOptions {
  /** Check every event's agency signatures, its schema and the chain of custody too (default true). */
  signatures?: boolean;
  onProgress?: (p: VerifyProgress) => void;
  /** Tiles (of 256 entries) read per query (default 16). */
  pageTiles?: number;
  /**
   * The store's DATABASE_URL (as the CLI has it): with it, a hash-only pass (`signatures: false`) over a large log
   * hashes its tiles in worker threads while this thread reads them (see verify-pool.ts). Without it, one thread.
   */
  databaseUrl?: string;
  /** Hash worker threads (default one per core, at most 4). */
  workers?: number;
  /** The smallest log verified with workers (default 65,536 entries). */
  parallelFrom?: number;
}

type Bad = NonNullable<TVerifyReport['firstBad']>;

type IndexRow = Awaited<ReturnType<typeof indexPage>>[number];

/**
 * The per-entry semantic checks: canonical leaf data, schema, signatures, chain of custody per detainee, and the
 * entry's lookup row (custody_entries: event, type, time and detainee as the event says).
 */
class EventChecks {
  readonly chains = new Map<string, CustodyState>();
  count = 0;
  #rows = new Map<number, IndexRow>();
  constructor(readonly keys: ReadonlyMap<string, VerifierKey>, readonly isns: ReadonlyMap<string, string>, readonly db: Db) {}

  /** Reads the lookup rows of entries [start, end). */
  async load(start: number, end: number): Promise<void> {
    this.#rows = new Map((await indexPage(this.db, start, end - start)).map((r) => [r.idx, r]));
  }

  check(idx: number, data: Buffer): Bad | null {
    let event;
    try {
      event = eventOfLeaf(data, idx);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return { index: idx, what: 'entry', reason: 'the leaf data is not a custody event' };
    }
    if (Buffer.compare(Buffer.from(canonicalBytes(JSON.parse(data.toString('utf8')))), data) !== 0) return { index: idx, what: 'entry', reason: 'the leaf data is not canonical JSON' };
    const row = this.#rows.get(idx);
    if (!row) return { index: idx, what: 'entry', reason: 'its lookup row (custody_entries) is missing' };
    const says = [row.eventId, row.type, row.time, this.isns.get(row.detaineeId) ?? row.detaineeId].join(' ');
    const is = [event.id, event.type, event.time, event.detainee].join(' ');
    if (says !== is) return { index: idx, what: 'entry', reason: `its lookup row says ${says}, the event is ${is}` };
    const fault = signatureFault(event, this.keys);
    this.count += event.signatures.length;
    if (fault) return { index: idx, what: 'signature', reason: fault };
    const next = applyEvent(this.chains.get(event.detainee) ?? null, event);
    if ('fault' in next) return { index: idx, what: 'chain', reason: `chain of custody of ${event.detainee} broken: ${next.fault}` };
    this.chains.set(event.detainee, next.state);
    return null;
  }
}

interface Streamed {
  size: number;
  root: () => Buffer;
  bad: Bad | null;
  nodes: number;
}

async function streamEntries(db: Db, total: number, opts: VerifyOptions & { heads: HeadChecks; events: EventChecks | null; pool?: HashPool }): Promise<Streamed> {
  const bad0 = opts.heads.atSize(0, () => foldPieces([]));
  if (bad0) return { size: 0, root: () => foldPieces([]), nodes: 0, bad: bad0 };
  const pool = opts.pool;
  const r = await verifyChunk(db, { start: 0, end: total, level: Infinity, heads: [] }, {
    beforeBlock: opts.events ? (start, end) => opts.events!.load(start, end) : undefined,
    entry: opts.events ? (idx, data) => opts.events!.check(idx, data) : undefined,
    sizes: opts.heads.sizesIn(0, total),
    atSize: (size, pieces) => opts.heads.atSize(size, () => foldPieces(pieces())),
    onProgress: (done) => opts.onProgress?.({ done, total }),
  }, { pageTiles: opts.pageTiles, hasher: pool ? (start, hashes, entries, upper) => pool.check(start, hashes, entries, upper) : undefined });
  return { size: r.count, root: () => foldPieces(r.pieces), nodes: r.nodes, bad: r.bad };
}

/** Checks that every entry of the log has exactly one lookup row (custody_entries), naming the first that has not. */
async function indexFault(db: Db, size: number): Promise<Bad | null> {
  const { count, maxIdx } = await indexExtent(db);
  if (count === size && maxIdx === size - 1) return null;
  for (let at = 0; at < size;) {
    const rows = await indexPage(db, at, 5000);
    for (const r of rows) {
      if (r.idx !== at) return { index: at, what: 'entry', reason: 'its lookup row (custody_entries) is missing' };
      at += 1;
      if (at === size) break;
    }
    if (rows.length === 0) return { index: at, what: 'entry', reason: 'its lookup row (custody_entries) is missing' };
  }
  return { index: size, what: 'log', reason: `custody_entries holds ${count} lookup rows up to index ${maxIdx}, beyond the log's ${size} entries` };
}

/**
 * Recomputes the whole log from storage: every leaf hash from its data, every stored subtree hash from its
 * children, the root at every checkpoint and witnessed head (and every checkpoint's signature), the head
 * itself, and — unless `signatures` is false — every event's schema, canonical form, agency signatures and
 * chain of custody. Stops at the first fault and names the entry. Each run is recorded (who, when, the head,
 * the result; see `listVerifications`). Requires `custody:read`; reveals only indexes and hashes, never an
 * event's content.
 * @example
 *   const report = await verifyLog(ctx, { onProgress: ({ done, total }) => bar.update(done, total) });
 *   if (!report.ok) console.log(`entry ${report.firstBad?.index}: ${report.firstBad?.reason}`);
 */
export async function verifyLog(ctx: Ctx, opts: VerifyOptions = {}): Promise<TVerifyReport> {
  requirePermission(ctx.principal, 'custody:read');
  const startedAt = ctx.clock.now().toISOString();
  const head = await readHead(ctx.db);
  const heads = await HeadChecks.load(ctx.db, await logVerifierKeys(ctx.db));
  const events = opts.signatures === false ? null : new EventChecks(await verifierKeys(ctx.db), await loggedDetainees(ctx.db), ctx.db);
  const stored = await storedExtent(ctx.db);
  const total = Math.max(head.size, stored.maxIdx + 1);
  const parallel = opts.databaseUrl !== undefined && events === null && head.size >= (opts.parallelFrom ?? 65_536);
  const pool = parallel ? HashPool.start(opts.workers) : undefined;
  let streamed: Streamed;
  try {
    streamed = await streamEntries(ctx.db, total, { ...opts, heads, events, pool });
  } finally {
    await pool?.close();
  }
  let bad = streamed.bad ?? heads.badSignature;
  if (!bad && streamed.size < total) {
    const next = await nextStored(ctx.db, streamed.size);
    if (next !== null) bad = { index: streamed.size, what: 'entry', reason: `missing (the next stored entry is ${next})` };
  }
  if (!bad) bad = heads.beyond(streamed.size);
  if (!bad && streamed.size !== head.size) {
    bad = { index: streamed.size, what: 'log', reason: `the head says ${head.size} entries, storage holds ${stored.count} (truncated or appended behind the log's back)` };
  }
  if (!bad && Buffer.compare(streamed.root(), head.root) !== 0) bad = { index: null, what: 'head', reason: 'the head root does not match the recomputed tree' };
  if (!bad) bad = await indexFault(ctx.db, head.size);
  const report: TVerifyReport = {
    ok: bad === null, size: head.size, entries: streamed.size, nodes: streamed.nodes, checkpoints: heads.checkpointsChecked,
    signatures: events?.count ?? 0, witnessHeads: heads.witnessChecked, firstBad: bad,
  };
  await inTransaction(ctx.db, async (trx) => {
    const run = await recordRun(trx, ctx, { startedAt, head, signatures: events !== null, report });
    await ctx.audit.record(trx, { action: 'custody.verify', subjectType: 'custody-log', subjectId: run, details: { ok: report.ok, size: report.size, firstBad: report.firstBad } });
  });
  return report;
}
