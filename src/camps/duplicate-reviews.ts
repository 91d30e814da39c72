import { bannerOf, canSee, conflict, DomainError, newId, notFound } from '../kernel/index.js';
import { internMarking, loadMarking, requirePermission, type Ctx } from '../access/index.js';
import { inTransaction, type CampDuplicateReviewsTable, type Db } from '../store/index.js';
import { CampsErrors } from './camps.errors.js';
import type { CheckedRow } from './import-rows.js';
import { plansOf, storeRows } from './import-residents.js';
import { selectDetaineeRefs } from './links.store.js';
import { campsView, type CampsView } from './policy.js';
import { selectResidents, type ResidentRow } from './resident.store.js';
import { ZDuplicateDecision, ZDuplicateReviewQuery, type TDuplicateDecision, type TDuplicateReview, type TDuplicateReviewQuery } from './reviews.schemas.js';
import { decideReviewRow, insertReviews, selectReviews, type Lookalike } from './reviews.store.js';

/*
 * Likely duplicates an importer cannot see: the import holds the row and queues it here, like the registry's
 * reviews of ISN collisions with unseen records. A review is shown only to a reviewer who may see both
 * records (its marking is the banner of the pair, and the existing resident must be in their view); they decide
 * `same` (nothing is created: the person is registered already) or `different` (the row is registered as the
 * import would have).
 */

/** Queues one review per held row, on the import's transaction. */
export async function queueDuplicateReviews(ctx: Ctx, trx: Db, held: readonly { row: CheckedRow; existing: Lookalike }[]): Promise<{ row: number; reviewId: string }[]> {
  const rows: CampDuplicateReviewsTable[] = [];
  for (const h of held) {
    const existing = await loadMarking(trx, h.existing.marking_id);
    const banner = bannerOf([h.row.marking, existing.marking]);
    rows.push({
      id: newId(ctx.clock.now().getTime()), status: 'pending', facility_id: h.existing.facility_id, existing_resident_id: h.existing.id, payload: JSON.stringify(h.row),
      marking_id: await internMarking(trx, banner, existing.originator), requested_by: ctx.principal.username, requested_at: ctx.clock.now().toISOString(),
      decided_by: null, decided_at: null, note: null, created_resident_id: null,
    });
  }
  await insertReviews(trx, rows);
  return rows.map((r, i) => ({ row: held[i]!.row.row, reviewId: r.id }));
}

function birthText(date: string | null, year: number | null, estimated: boolean): string {
  return date && !estimated ? date : `${year ?? '?'} (estimated)`;
}

async function present(db: Db, ctx: Ctx, view: CampsView, r: CampDuplicateReviewsTable): Promise<TDuplicateReview | undefined> {
  const m = await loadMarking(db, r.marking_id);
  if (!canSee(ctx.principal, m.marking, m.originator)) return undefined;
  const [existing]: (ResidentRow | undefined)[] = await selectResidents(db, view.scope, { campIds: view.camps.map((c) => c.id), ids: [r.existing_resident_id] });
  const camp = view.byId.get(r.facility_id);
  if (!existing || !camp) return undefined;
  const row = JSON.parse(r.payload) as CheckedRow;
  return {
    id: r.id, status: r.status as TDuplicateReview['status'], camp: camp.code, requestedBy: r.requested_by, requestedAt: r.requested_at, marking: m.text,
    submitted: {
      row: row.row, nameAr: row.nameAr, nameLatin: row.nameLatin, sex: row.sex, birth: birthText(row.birth.date, row.birth.year, row.birth.estimated),
      nationality: row.nationality, household: row.household, relation: row.relation,
    },
    existing: {
      id: existing.id, nameAr: existing.name_ar, nameLatin: existing.name_latin, sex: existing.sex, nationality: existing.nationality, household: existing.household_code,
      relation: existing.relation, birth: birthText(existing.birth_date, existing.birth_year, existing.birth_estimated === 1),
    },
    decision: r.decided_by ? { by: r.decided_by, at: r.decided_at ?? '', note: r.note, createdResident: r.created_resident_id } : null,
  };
}

/** Reviews of likely duplicates the reviewer may see (both records), pending by default. Requires `camps:review`. Audited. */
export async function listDuplicateReviews(ctx: Ctx, raw: TDuplicateReviewQuery = {}): Promise<TDuplicateReview[]> {
  requirePermission(ctx.principal, 'camps:review');
  const q = ZDuplicateReviewQuery.parse(raw);
  const view = await campsView(ctx);
  const out: TDuplicateReview[] = [];
  for (const r of await selectReviews(ctx.db, view.scope, { status: q.status })) {
    const p = await present(ctx.db, ctx, view, r);
    if (p) out.push(p);
  }
  await ctx.audit.record(ctx.db, { action: 'camp-review.list', subjectType: 'camp-duplicate-review', details: { ids: out.map((r) => r.id), status: q.status } });
  return out;
}

/**
 * Decides a review: `same` closes it (the person is the existing resident; nothing is created), `different`
 * registers the held row as the import would have (arrival, household, guardian, links) in the same
 * transaction. Requires `camps:review`; the importer may not decide their own row. Audited.
 * @throws DomainError NOT_FOUND (absent, or a record of the pair unseen), CAMPS_REVIEW_DECIDED, CAMPS_OWN_REVIEW, FORBIDDEN.
 */
export async function decideDuplicateReview(ctx: Ctx, id: string, raw: TDuplicateDecision): Promise<TDuplicateReview> {
  requirePermission(ctx.principal, 'camps:review');
  const input = ZDuplicateDecision.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const [row] = await selectReviews(trx, view.scope, { id });
    if (!row || !(await present(trx, ctx, view, row))) throw notFound('review', id);
    if (row.status !== 'pending') throw conflict(CampsErrors.CAMPS_REVIEW_DECIDED, `review ${id} is already decided (${row.status})`, { field: 'id', reason: row.status });
    if (row.requested_by === ctx.principal.username) throw new DomainError('forbidden', CampsErrors.CAMPS_OWN_REVIEW, 'the importer of a row does not decide its review', { field: 'id', reason: 'own import' });
    let created: string | null = null;
    if (input.decision === 'different') {
      const checked = JSON.parse(row.payload) as CheckedRow;
      const refs = checked.relatedDetainee ? await selectDetaineeRefs(trx, view.scope, [checked.relatedDetainee]) : [];
      const detainees = new Map(refs.flatMap((d) => [[d.isn, d.id], [d.id, d.id]] as const));
      const built = await storeRows(ctx, trx, view, { plans: await plansOf(trx, view, [checked]), detainees, held: new Set() });
      created = built.residents[0]?.id ?? null;
    }
    const at = ctx.clock.now().toISOString();
    if (!(await decideReviewRow(trx, id, { status: input.decision, decided_by: ctx.principal.username, decided_at: at, note: input.note ?? null, created_resident_id: created }))) {
      throw conflict(CampsErrors.CAMPS_REVIEW_DECIDED, `review ${id} was decided by someone else`, { field: 'id', reason: 'decided' });
    }
    await ctx.audit.record(trx, { action: 'camp-review.decide', subjectType: 'camp-duplicate-review', subjectId: id, details: { decision: input.decision, created } });
    const [after] = await selectReviews(trx, view.scope, { id });
    const shown = after ? await present(trx, ctx, view, after) : undefined;
    if (!shown) throw notFound('review', id);
    return shown;
  });
}
