import { notFound } from '../kernel/index.js';
import { inScope, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { exactSearch, loadGallery, type Gallery, type Hit } from './gallery.js';
import { PACKED_DIM } from './templates.js';

/** One search result the caller may see. */
export interface SearchHit {
  enrollmentId: string;
  detaineeId: string;
  similarity: number;
}

/**
 * 1:N search of one enrollment against the gallery, exactly and (when given) through an index, so the two
 * can be compared. Only enrollments the caller may see are searched for and returned (the search itself
 * runs over everything; unseen hits are dropped, never counted). Requires `identity:read`. Audited.
 * @throws DomainError NOT_FOUND when the probe enrollment is absent or unseen.
 */
export async function searchEnrollment(
  ctx: Ctx,
  enrollmentId: string,
  opts: { k?: number; index?: (g: Gallery) => { search(probe: Float32Array, k: number): Hit[] } } = {},
): Promise<{ exact: SearchHit[]; index: SearchHit[] | null }> {
  requirePermission(ctx.principal, 'identity:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const g = await loadGallery(ctx.db);
  const at = g.ids.indexOf(enrollmentId);
  if (at < 0 || !inScope(scope, g.markingIds[at] ?? -1)) throw notFound('enrollment', enrollmentId);
  const k = opts.k ?? 10;
  const probe = g.vectors.subarray(at * PACKED_DIM, (at + 1) * PACKED_DIM);
  const visible = (hits: Hit[]) =>
    hits
      .filter((h) => h.index !== at && inScope(scope, g.markingIds[h.index] ?? -1))
      .slice(0, k)
      .map((h) => ({ enrollmentId: g.ids[h.index] ?? '', detaineeId: g.detaineeIds[h.index] ?? '', similarity: h.similarity }));
  // Ask for more than k so that hits the caller may not see can be dropped and k still remain.
  const wide = Math.min(g.ids.length, k * 4 + 1);
  const exact = visible(exactSearch(g.vectors, probe, wide, at));
  const index = opts.index ? visible(opts.index(g).search(probe, wide)) : null;
  await ctx.audit.record(ctx.db, { action: 'identity.search', subjectType: 'enrollment', subjectId: enrollmentId, details: { k } });
  return { exact, index };
}
