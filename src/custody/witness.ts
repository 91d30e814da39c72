import { DomainError, newId, readStored } from '../kernel/index.js';
import { listAgencies, requirePermission, type Ctx } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { openCheckpoint, type TreeHead } from './checkpoint.js';
import { LOG_ORIGIN } from './context.js';
import { logVerifierKeys } from './custody-keys.js';
import { CustodyErrors } from './custody.errors.js';
import { ZCustodyAlert, ZWitnessRequest, type TCustodyAlert, type TWitnessRequest, type TWitnessResult } from './custody.schemas.js';
import { actingAgency } from './handover-common.js';
import { consistencyProof } from './log-proofs.js';
import { latestCheckpoint, readHead } from './log.store.js';
import { EMPTY_ROOT } from './merkle.js';
import { verifyConsistency } from './proof-verify.js';
import { headsSeenBy, insertAlert, insertWitnessHead, listAlertRows } from './witness.store.js';

/**
 * Witnessing: each agency records the signed tree heads it has seen. A new head must be consistent with the
 * heads the agency saw before (and with the log's own newest head): a consistency proof from the smaller
 * to the larger must lead to both roots. When it does not — a split view, or a rewritten history — the head
 * is still recorded, as inconsistent, and an alert names both heads.
 */

type Seen = { size: number; root: Buffer; note: string };

/** Why two heads cannot both be true, or null when they are consistent by the log's proofs. */
async function inconsistency(db: Db, a: Seen, b: Seen): Promise<string | null> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === large.size) return Buffer.compare(small.root, large.root) === 0 ? null : `two different roots for size ${small.size}`;
  if (small.size === 0) return Buffer.compare(small.root, EMPTY_ROOT) === 0 ? null : 'a non-empty root for the empty tree';
  const logSize = (await readHead(db)).size;
  if (large.size > logSize) return `a head of size ${large.size}, beyond the log's ${logSize} entries`;
  const fault = verifyConsistency({ size1: small.size, size2: large.size }, await consistencyProof(db, small.size, large.size), small.root, large.root);
  return fault ? `no consistency from size ${small.size} to ${large.size}: ${fault}` : null;
}

function describe(h: Seen) {
  return { size: h.size, root: h.root.toString('base64'), checkpoint: h.note };
}

/**
 * Records a tree head the caller's agency has seen, checking it against the heads it saw before (the
 * nearest smaller and larger) and against the log's newest head. Requires `custody:witness`.
 * @throws DomainError CUSTODY_BAD_CHECKPOINT (malformed, another log, or not signed by a log key).
 */
export async function witnessHead(ctx: Ctx, raw: TWitnessRequest): Promise<TWitnessResult> {
  requirePermission(ctx.principal, 'custody:witness');
  const me = actingAgency(ctx.principal);
  const { checkpoint } = ZWitnessRequest.parse(raw);
  const opened = openCheckpoint(checkpoint, await logVerifierKeys(ctx.db));
  const head: TreeHead | undefined = typeof opened === 'string' ? undefined : opened.head;
  if (!head || head.origin !== LOG_ORIGIN) {
    const reason = typeof opened === 'string' ? opened : `origin ${head?.origin ?? ''} is not ${LOG_ORIGIN}`;
    throw new DomainError('invalid', CustodyErrors.CUSTODY_BAD_CHECKPOINT, `checkpoint: ${reason}`, { field: 'checkpoint', reason });
  }
  const seenNow: Seen = { size: head.size, root: head.root, note: checkpoint };
  return inTransaction(ctx.db, async (trx) => {
    const seen = await headsSeenBy(trx, me.id);
    const below = seen.filter((s) => s.size <= head.size).at(-1);
    const above = seen.find((s) => s.size >= head.size);
    const latest = await latestCheckpoint(trx);
    const logHead = latest ? { size: latest.size, root: latest.root, note: latest.note } : undefined;
    let clash: { other: Seen; reason: string } | undefined;
    for (const other of [below, above, logHead]) {
      if (!other || clash) continue;
      const reason = await inconsistency(trx, other, seenNow);
      if (reason) clash = { other, reason };
    }
    const now = ctx.clock.now().toISOString();
    await insertWitnessHead(trx, { agency_id: me.id, size: head.size, root: head.root, note: checkpoint, consistent: clash ? 0 : 1, seen_at: now, recorded_by: ctx.principal.username });
    let alert: TCustodyAlert | null = null;
    if (clash) {
      alert = { id: newId(ctx.clock.now().getTime()), kind: 'split-view', agency: me.code, detail: { reason: clash.reason, seen: describe(clash.other), new: describe(seenNow) }, createdAt: now };
      await insertAlert(trx, { id: alert.id, kind: alert.kind, agency_id: me.id, detail: JSON.stringify(alert.detail), created_at: now });
    }
    await ctx.audit.record(trx, { action: 'custody.witness', subjectType: 'custody-log', details: { size: head.size, consistent: !clash } });
    return { agency: me.code, size: head.size, root: head.root.toString('base64'), consistent: !clash, alert };
  });
}

/** Custody alerts, newest first (they name tree heads only, never a detainee). Requires `custody:read`. */
export async function listAlerts(ctx: Ctx): Promise<TCustodyAlert[]> {
  requirePermission(ctx.principal, 'custody:read');
  const codes = new Map((await listAgencies(ctx.db)).map((a) => [a.id, a.code]));
  return (await listAlertRows(ctx.db, 500)).map((r) =>
    readStored(ZCustodyAlert, { id: r.id, kind: r.kind, agency: r.agency_id ? (codes.get(r.agency_id) ?? null) : null, detail: JSON.parse(r.detail) as unknown, createdAt: r.created_at }, `custody alert ${r.id}`),
  );
}
