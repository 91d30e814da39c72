import { DomainError, newId, notFound, readStoredJson } from '../kernel/index.js';
import { markingTexts, requirePermission, scopeFor, type Ctx, type Scope } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { IdentityErrors } from './identity.errors.js';
import { parseInput } from './input.js';
import { ZCandidateQuery, ZDecisionRequest, ZUndoRequest, type TCandidate, type TCandidatePage, type TCandidateQuery, type TDecisionRequest, type TUndoRequest } from './identity.schemas.js';
import { countCandidates, identitiesOf, insertDecision, membersOf, selectCandidates, selectDecisions, setCandidateStatus, setIdentity } from './candidate.store.js';
import { selectEnrollments } from './enrollment.store.js';
import { presentCandidate, presentEnrollment } from './present.js';
import type { IdentityCandidatesTable } from '../store/index.js';
import { z } from 'zod';

/** Candidate rows presented with both sides (rows whose sides are out of scope never reach here). */
async function present(db: Db, scope: Scope, rows: readonly IdentityCandidatesTable[]): Promise<TCandidate[]> {
  const ids = rows.flatMap((r) => [r.left_id, r.right_id]);
  const enr = await selectEnrollments(db, scope, { ids });
  const texts = await markingTexts(db, enr.map((e) => e.marking_id));
  const byId = new Map(enr.map((e) => [e.id, presentEnrollment(e, texts.get(e.marking_id) ?? 'U')]));
  return rows.flatMap((r) => {
    const left = byId.get(r.left_id);
    const right = byId.get(r.right_id);
    return left && right ? [presentCandidate(r, { left, right })] : [];
  });
}

/**
 * The adjudication queue: candidate pairs in a status (pending by default), best score first, only pairs
 * both of whose enrollments the caller may see. Requires `identity:read`.
 */
export async function listCandidates(ctx: Ctx, raw: TCandidateQuery = {}): Promise<TCandidatePage> {
  requirePermission(ctx.principal, 'identity:read');
  const q = parseInput(ZCandidateQuery, raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const rows = await selectCandidates(ctx.db, scope, { status: q.status, limit: q.limit });
  const total = await countCandidates(ctx.db, scope, q.status);
  return { items: await present(ctx.db, scope, rows), total };
}

/** One candidate pair, side by side. Requires `identity:read`. Audited (a read of two marked records). @throws NOT_FOUND */
export async function showCandidate(ctx: Ctx, id: string): Promise<TCandidate> {
  requirePermission(ctx.principal, 'identity:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const [row] = await selectCandidates(ctx.db, scope, { ids: [id] });
  if (!row) throw notFound('candidate', id);
  const [out] = await present(ctx.db, scope, [row]);
  await ctx.audit.record(ctx.db, { action: 'identity.candidate.read', subjectType: 'identity-candidate', subjectId: id });
  return out!;
}

const ZMoved = z.record(z.string(), z.string());

/**
 * Records a decision on a pending pair — same, different or unsure, with a reason. "Same" puts every record
 * of the right side's identity under the left side's identity (the other names become aliases on the identity
 * page); the moves are kept with the decision so that `undoDecision` can reverse them. Requires
 * `identity:adjudicate`. One transaction, audited.
 * @throws DomainError NOT_FOUND (unseen or absent pair), IDENTITY_ALREADY_DECIDED, INVALID_INPUT (reason).
 */
export async function decideCandidate(ctx: Ctx, id: string, raw: TDecisionRequest): Promise<TCandidate> {
  requirePermission(ctx.principal, 'identity:adjudicate');
  const input = parseInput(ZDecisionRequest, raw);
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const [row] = await selectCandidates(trx, scope, { ids: [id] });
    if (!row) throw notFound('candidate', id);
    const moved: Record<string, string> = {};
    if (input.decision === 'same') {
      const enr = await selectEnrollments(trx, scope, { ids: [row.left_id, row.right_id] });
      const left = enr.find((e) => e.id === row.left_id)!.detainee_id;
      const right = enr.find((e) => e.id === row.right_id)!.detainee_id;
      const ids = await identitiesOf(trx, [left, right]);
      const target = ids.get(left)!;
      const from = ids.get(right)!;
      if (from !== target) {
        const members = await membersOf(trx, from);
        for (const m of members) moved[m] = from;
        await setIdentity(trx, members, target, now);
        await setIdentity(trx, [target], target, now);
      }
    }
    const ok = await setCandidateStatus(trx, id, 'pending', { status: input.decision, reason: input.reason, decided_by: ctx.principal.username, decided_at: now });
    if (!ok) throw new DomainError('conflict', IdentityErrors.IDENTITY_ALREADY_DECIDED, `candidate ${id} is already decided (${row.status})`, { field: 'id', reason: `already ${row.status}` });
    await insertDecision(trx, { id: newId(ctx.clock.now().getTime()), candidate_id: id, decision: input.decision, reason: input.reason, moved: JSON.stringify(moved), decided_by: ctx.principal.username, decided_at: now });
    await ctx.audit.record(trx, { action: `identity.decide.${input.decision}`, subjectType: 'identity-candidate', subjectId: id, details: { decision: input.decision, moved: Object.keys(moved) } });
    const [after] = await selectCandidates(trx, scope, { ids: [id] });
    return (await present(trx, scope, [after!]))[0]!;
  });
}

/**
 * Reverses the last decision on a pair: a "same" link is undone (every record it moved goes back to its
 * former identity) and the pair returns to the queue. Requires `identity:adjudicate`. Audited.
 * @throws DomainError NOT_FOUND, IDENTITY_ALREADY_DECIDED (when the pair is pending: nothing to undo).
 */
export async function undoDecision(ctx: Ctx, id: string, raw: TUndoRequest): Promise<TCandidate> {
  requirePermission(ctx.principal, 'identity:adjudicate');
  const input = parseInput(ZUndoRequest, raw);
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const [row] = await selectCandidates(trx, scope, { ids: [id] });
    if (!row) throw notFound('candidate', id);
    if (row.status === 'pending') throw new DomainError('conflict', IdentityErrors.IDENTITY_ALREADY_DECIDED, `candidate ${id} has no decision to undo`, { field: 'id', reason: 'pending' });
    const last = (await selectDecisions(trx, [id])).filter((d) => d.decision !== 'undo').at(-1);
    const moved = last ? readStoredJson(ZMoved, last.moved, 'identity moved column') : {};
    for (const [detainee, previous] of Object.entries(moved)) await setIdentity(trx, [detainee], previous, now);
    await setCandidateStatus(trx, id, row.status, { status: 'pending', reason: null, decided_by: null, decided_at: null });
    await insertDecision(trx, { id: newId(ctx.clock.now().getTime()), candidate_id: id, decision: 'undo', reason: input.reason, moved: JSON.stringify(moved), decided_by: ctx.principal.username, decided_at: now });
    await ctx.audit.record(trx, { action: 'identity.decide.undo', subjectType: 'identity-candidate', subjectId: id, details: { undone: row.status, restored: Object.keys(moved) } });
    const [after] = await selectCandidates(trx, scope, { ids: [id] });
    return (await present(trx, scope, [after!]))[0]!;
  });
}
