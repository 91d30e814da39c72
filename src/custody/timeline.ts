import { requirePermission, type Ctx } from '../access/index.js';
import { custodySubject } from '../registry/index.js';
import { foldChain } from './chain.js';
import { openCheckpoint } from './checkpoint.js';
import { logVerifierKeys, verifierKeys } from './custody-keys.js';
import type { TTimeline } from './custody.schemas.js';
import { signatureFault } from './event-sign.js';
import { presentHandover } from './handover-common.js';
import { pendingOf } from './handover.store.js';
import { historyOf } from './history.js';
import { latestCheckpoint } from './log.store.js';
import { inclusionProof } from './log-proofs.js';
import { leafHash } from './merkle.js';
import { verifyInclusion } from './proof-verify.js';

/**
 * A detainee's custody timeline: every logged event with the agencies whose signatures verify and whether
 * its inclusion proof leads to the newest signed checkpoint, the pending handovers, the current custodian
 * and whether the chain of custody is unbroken. Requires `custody:read`; an unseen detainee is "not found".
 * @throws DomainError NOT_FOUND.
 */
export async function detaineeTimeline(ctx: Ctx, isn: string): Promise<TTimeline> {
  requirePermission(ctx.principal, 'custody:read');
  const detainee = await custodySubject(ctx, isn);
  const history = await historyOf(ctx.db, detainee.id);
  const keys = await verifierKeys(ctx.db);
  const cpRow = await latestCheckpoint(ctx.db);
  const cp = cpRow ? openCheckpoint(cpRow.note, await logVerifierKeys(ctx.db)) : 'no checkpoint';
  const entries: TTimeline['entries'] = [];
  for (const h of history) {
    const fault = signatureFault(h.event, keys);
    const parties = h.event.type === 'handover' ? [h.event.from, h.event.to] : [h.event.custodian];
    const signedBy = fault ? [] : parties.map((p) => p.agency);
    let proved = false;
    if (typeof cp !== 'string' && h.index < cp.head.size) {
      const proof = await inclusionProof(ctx.db, h.index, cp.head.size);
      proved = verifyInclusion({ index: h.index, size: cp.head.size }, leafHash(h.leafData), proof, cp.head.root) === null;
    }
    entries.push({ index: h.index, event: h.event, signedBy, proof: proved && !fault ? 'verified' : 'failed' });
  }
  const folded = foldChain(history.map((h) => h.event));
  const pending = (await pendingOf(ctx.db, detainee.id)).map((r) => ({ ...presentHandover(r), marking: detainee.marking }));
  await ctx.audit.record(ctx.db, { action: 'custody.timeline.read', subjectType: 'detainee', subjectId: detainee.id, details: { entries: entries.length } });
  return {
    detainee: detainee.isn,
    marking: detainee.marking,
    entries,
    pending,
    custodian: 'fault' in folded ? null : folded.state,
    chain: 'fault' in folded ? { ok: false, fault: folded.fault, at: history[folded.at]?.index ?? 0 } : { ok: true },
    checkpoint: typeof cp === 'string' ? null : { size: cp.head.size, root: cp.head.root.toString('base64') },
  };
}
