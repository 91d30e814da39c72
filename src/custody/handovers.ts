import { notFound } from '../kernel/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import { custodySubject, custodySubjects } from '../registry/index.js';
import { ZHandoverListQuery, type THandover, type THandoverListQuery } from './custody.schemas.js';
import { presentHandover } from './handover-common.js';
import { handoverById, handoversOfAgency } from './handover.store.js';

/**
 * The handovers of the caller's agency (releasing, receiving or either), by status: the pending queue by
 * default. Only handovers of detainees the caller may see are listed. Requires `custody:read`.
 */
export async function listHandovers(ctx: Ctx, raw: THandoverListQuery = {}): Promise<THandover[]> {
  requirePermission(ctx.principal, 'custody:read');
  const q = ZHandoverListQuery.parse(raw);
  if (!ctx.principal.agencyId) return [];
  const rows = await handoversOfAgency(ctx.db, ctx.principal.agencyId, q);
  const visible = await custodySubjects(ctx, rows.map((r) => r.detainee_id));
  const out = rows.flatMap((r) => {
    const d = visible.get(r.detainee_id);
    return d ? [{ ...presentHandover(r), marking: d.marking }] : [];
  });
  await ctx.audit.record(ctx.db, { action: 'custody.handover.list', subjectType: 'handover', details: { ids: out.map((h) => h.id), status: q.status } });
  return out;
}

/** One handover, when its detainee is in the caller's scope. Requires `custody:read`. @throws NOT_FOUND. */
export async function showHandover(ctx: Ctx, id: string): Promise<THandover> {
  requirePermission(ctx.principal, 'custody:read');
  const row = await handoverById(ctx.db, id);
  if (!row) throw notFound('handover', id);
  const d = await custodySubject(ctx, row.detainee_id).catch(() => {
    throw notFound('handover', id);
  });
  await ctx.audit.record(ctx.db, { action: 'custody.handover.read', subjectType: 'detainee', subjectId: row.detainee_id, details: { handover: id } });
  return { ...presentHandover(row), marking: d.marking };
}
