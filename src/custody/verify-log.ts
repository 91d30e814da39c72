import { canonicalBytes, isDomainError } from '../kernel/index.js';
import { inTransaction } from '../store/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { applyEvent, type CustodyState } from './chain.js';
import { logVerifierKeys, verifierKeys } from './custody-keys.js';
import type { TVerifyReport } from './custody.schemas.js';
import { signatureFault } from './event-sign.js';
import { Frontier } from './frontier.js';
import { eventOfLeaf } from './history.js';
import { entryExtent, entryPage, readHead } from './log.store.js';
import { HASH_SIZE, leafHash, pow2 } from './merkle.js';
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
  /** Entries read per query (default 5,000). */
  pageSize?: number;
}

type Bad = NonNullable<TVerifyReport['firstBad']>;

/** The per-entry semantic checks: canonical leaf data, schema, signatures, chain of custody per detainee. */
class EventChecks {
  readonly chains = new Map<string, CustodyState>();
  count = 0;
  constructor(readonly keys: ReadonlyMap<string, VerifierKey>) {}

  check(idx: number, data: Buffer): Bad | null {
    let event;
    try {
      event = eventOfLeaf(data, idx);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return { index: idx, what: 'entry', reason: 'the leaf data is not a custody event' };
    }
    if (Buffer.compare(Buffer.from(canonicalBytes(JSON.parse(data.toString('utf8')))), data) !== 0) return { index: idx, what: 'entry', reason: 'the leaf data is not canonical JSON' };
    const fault = signatureFault(event, this.keys);
    this.count += event.signatures.length;
    if (fault) return { index: idx, what: 'signature', reason: fault };
    const next = applyEvent(this.chains.get(event.detainee) ?? null, event);
    if ('fault' in next) return { index: idx, what: 'chain', reason: `chain of custody of ${event.detainee} broken: ${next.fault}` };
    this.chains.set(event.detainee, next.state);
    return null;
  }
}

function nodeFault(idx: number, completed: Buffer[], stored: Buffer): Bad | null {
  if (stored.length !== completed.length * HASH_SIZE) return { index: idx, what: 'node', reason: `stores ${stored.length} bytes of subtree hashes, expected ${completed.length * HASH_SIZE}` };
  for (let l = 0; l < completed.length; l += 1) {
    if (Buffer.compare(completed[l]!, stored.subarray(l * HASH_SIZE, (l + 1) * HASH_SIZE)) !== 0) {
      const span = pow2(l + 1);
      return { index: idx, what: 'node', reason: `the subtree hash at level ${l + 1} over entries ${idx + 1 - span}..${idx} does not match its children` };
    }
  }
  return null;
}

async function streamEntries(db: Db, size: number, opts: VerifyOptions & { heads: HeadChecks; events: EventChecks | null }): Promise<{ frontier: Frontier; bad: Bad | null; nodes: number }> {
  const frontier = Frontier.empty();
  const page = opts.pageSize ?? 5000;
  let nodes = 0;
  let bad = opts.heads.at(frontier);
  while (!bad) {
    const rows = await entryPage(db, frontier.size, page);
    if (rows.length === 0) break;
    for (const row of rows) {
      const idx = frontier.size;
      if (row.idx !== idx) return { frontier, nodes, bad: { index: idx, what: 'entry', reason: `missing (the next stored entry is ${row.idx})` } };
      if (Buffer.compare(leafHash(row.leafData), row.leafHash) !== 0) return { frontier, nodes, bad: { index: idx, what: 'leaf', reason: 'the stored leaf hash does not match the leaf data' } };
      const completed = frontier.push(row.leafHash);
      nodes += completed.length;
      bad = nodeFault(idx, completed, row.nodes) ?? opts.events?.check(idx, row.leafData) ?? opts.heads.at(frontier);
      if (bad) return { frontier, nodes, bad };
    }
    opts.onProgress?.({ done: frontier.size, total: Math.max(size, frontier.size) });
  }
  return { frontier, nodes, bad };
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
  const events = opts.signatures === false ? null : new EventChecks(await verifierKeys(ctx.db));
  const streamed = await streamEntries(ctx.db, head.size, { ...opts, heads, events });
  const { frontier } = streamed;
  let bad = streamed.bad ?? heads.badSignature;
  if (!bad) bad = heads.beyond(frontier.size);
  if (!bad && frontier.size !== head.size) {
    const extent = await entryExtent(ctx.db);
    bad = { index: frontier.size, what: 'log', reason: `the head says ${head.size} entries, storage holds ${extent.count} (truncated or appended behind the log's back)` };
  }
  if (!bad && Buffer.compare(frontier.root(), head.root) !== 0) bad = { index: null, what: 'head', reason: 'the head root does not match the recomputed tree' };
  const report: TVerifyReport = {
    ok: bad === null, size: head.size, entries: frontier.size, nodes: streamed.nodes, checkpoints: heads.checkpointsChecked,
    signatures: events?.count ?? 0, witnessHeads: heads.witnessChecked, firstBad: bad,
  };
  await inTransaction(ctx.db, async (trx) => {
    const run = await recordRun(trx, ctx, { startedAt, head, signatures: events !== null, report });
    await ctx.audit.record(trx, { action: 'custody.verify', subjectType: 'custody-log', subjectId: run, details: { ok: report.ok, size: report.size, firstBad: report.firstBad } });
  });
  return report;
}
