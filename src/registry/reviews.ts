import { canSee, conflict, notFound } from '../kernel/index.js';
import { loadMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { detaineeFromRow } from './detainee.js';
import { insertDetainees, selectDetainee, selectIsnHolder } from './detainee.store.js';
import { detaineeRow, duplicateIsn } from './register-detainee.js';
import { RegistryErrors } from './registry.errors.js';
import { ZRegisterDetaineeRequest, ZResolveReviewRequest, type TResolveReviewRequest, type TReview } from './registry.schemas.js';
import type { Scope } from '../access/index.js';

interface ReviewRow {
  id: string; kind: string; status: string; requested_by: string; requested_at: string; payload: string; existing_id: string;
  marking_id: number; resolved_by: string | null; resolved_at: string | null; resolution_note: string | null; created_detainee_id: string | null;
}

/** A review is shown only to a reviewer who may see both records: its marking is the banner of the pair. */
async function present(db: Db, ctx: Ctx, scope: Scope, r: ReviewRow): Promise<TReview | undefined> {
  const existing = await selectDetainee(db, scope, r.existing_id);
  if (!existing) return undefined;
  const m = await loadMarking(db, r.marking_id);
  if (!canSee(ctx.principal, m.marking, m.originator)) return undefined;
  const created = r.created_detainee_id ? await selectDetainee(db, scope, r.created_detainee_id) : undefined;
  return {
    id: r.id, kind: 'duplicate-isn', status: r.status as TReview['status'], requestedBy: r.requested_by, requestedAt: r.requested_at,
    submitted: JSON.parse(r.payload) as Record<string, unknown>, existing: detaineeFromRow(existing), marking: m.text,
    resolution: r.resolved_by ? { by: r.resolved_by, at: r.resolved_at ?? '', note: r.resolution_note, createdIsn: created?.isn ?? null } : null,
  };
}

/** Pending (or all) registration reviews the reviewer may see. Requires `registry:review`. */
export async function listReviews(ctx: Ctx, opts: { status?: 'pending' | 'accepted' | 'rejected' } = {}): Promise<TReview[]> {
  requirePermission(ctx.principal, 'registry:review');
  const scope = await scopeFor(ctx.db, ctx.principal);
  let q = ctx.db.selectFrom('registration_reviews').selectAll().where('marking_id', 'in', scope.markingIds).orderBy('requested_at');
  if (opts.status) q = q.where('status', '=', opts.status);
  const out: TReview[] = [];
  for (const r of await q.execute()) {
    const p = await present(ctx.db, ctx, scope, r);
    if (p) out.push(p);
  }
  await ctx.audit.record(ctx.db, { action: 'review.list', subjectType: 'registration-review', details: { ids: out.map((r) => r.id) } });
  return out;
}

/**
 * Resolves a registration review: `reject` (the submission was the same person, or wrong) or `register`
 * (a different person: register the submission under a new ISN). Requires `registry:review`.
 * @throws DomainError NOT_FOUND, REGISTRY_REVIEW_CLOSED, REGISTRY_DUPLICATE_ISN.
 */
export async function resolveReview(ctx: Ctx, id: string, raw: TResolveReviewRequest): Promise<TReview> {
  requirePermission(ctx.principal, 'registry:review');
  const input = ZResolveReviewRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const row = await trx.selectFrom('registration_reviews').selectAll().where('id', '=', id).where('marking_id', 'in', scope.markingIds).executeTakeFirst();
    if (!row || !(await present(trx, ctx, scope, row))) throw notFound('review', id);
    if (row.status !== 'pending') throw conflict(RegistryErrors.REGISTRY_REVIEW_CLOSED, `review ${id} is already ${row.status}`, { field: 'id', reason: row.status });
    let createdId: string | null = null;
    if (input.decision === 'register') {
      if (await selectIsnHolder(trx, input.isn)) throw duplicateIsn(input.isn);
      const submitted = ZRegisterDetaineeRequest.parse({ ...(JSON.parse(row.payload) as object), isn: input.isn });
      const detainee = await detaineeRow({ ...ctx, db: trx }, scope, submitted);
      detainee.created_by = row.requested_by;
      await insertDetainees(trx, [detainee]);
      createdId = detainee.id;
    }
    await trx.updateTable('registration_reviews').set({
      status: input.decision === 'register' ? 'accepted' : 'rejected', resolved_by: ctx.principal.userId ?? ctx.principal.username,
      resolved_at: ctx.clock.now().toISOString(), resolution_note: input.note, created_detainee_id: createdId,
    }).where('id', '=', id).execute();
    await ctx.audit.record(trx, { action: 'review.resolve', subjectType: 'registration-review', subjectId: id, details: { decision: input.decision, createdId } });
    const after = await trx.selectFrom('registration_reviews').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const shown = await present(trx, ctx, await scopeFor(trx, ctx.principal), after);
    if (!shown) throw notFound('review', id);
    return shown;
  });
}
