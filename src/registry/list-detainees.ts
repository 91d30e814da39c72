import { bannerOf, formatMarking, invalid, notFound, parseMarking } from '../kernel/index.js';
import { markingTexts, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { detaineeFromRow } from './detainee.js';
import { countDetaineesByMarking, selectDetainee, selectDetaineePage, type DetaineeFilter } from './detainee.store.js';
import { ZDetaineeListQuery, type TDetainee, type TDetaineeListQuery, type TDetaineePage } from './registry.schemas.js';

function encodeCursor(isn: string): string {
  return Buffer.from(JSON.stringify({ isn }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { isn?: unknown };
    if (typeof v.isn === 'string') return v.isn;
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', 'not a cursor returned by this list');
}

/**
 * A page of the detainees the caller may see, ordered by ISN, with the total that match. Requires
 * `registry:read`. A facility the caller cannot see filters to nothing, exactly like an unknown one.
 * The read is audited (the ids returned).
 */
export async function listDetainees(ctx: Ctx, raw: TDetaineeListQuery): Promise<TDetaineePage> {
  requirePermission(ctx.principal, 'registry:read');
  const q = ZDetaineeListQuery.parse(raw);
  if (q.offset !== undefined && q.cursor !== undefined) throw invalid('offset', 'cannot be combined with cursor');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const filter: DetaineeFilter = { nationality: q.nationality, riskTier: q.riskTier, status: q.status, search: q.search };
  if (q.facility) {
    const f = await ctx.db.selectFrom('facilities').select('id').where('code', '=', q.facility).where('marking_id', 'in', scope.markingIds).executeTakeFirst();
    filter.facilityId = f?.id ?? '\u0000none';
  }
  const afterIsn = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await selectDetaineePage(ctx.db, scope, filter, { afterIsn, offset: q.offset, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const { total, markingIds: ids } = await countDetaineesByMarking(ctx.db, scope, filter);
  const texts = await markingTexts(ctx.db, ids);
  const marking = formatMarking(bannerOf(ids.map((id) => parseMarking(texts.get(id) ?? 'U'))));
  const items = page.map(detaineeFromRow);
  await ctx.audit.record(ctx.db, { action: 'detainee.list', subjectType: 'detainee', details: { ids: items.map((d) => d.id), total } });
  return { items, total, marking, nextCursor: rows.length > q.limit && page.length > 0 ? encodeCursor(page.at(-1)!.isn) : null };
}

/**
 * One detainee by id or ISN. Requires `registry:read`. A record the caller may not see is "not found".
 * @throws DomainError NOT_FOUND.
 */
export async function showDetainee(ctx: Ctx, idOrIsn: string): Promise<TDetainee> {
  requirePermission(ctx.principal, 'registry:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const row = await selectDetainee(ctx.db, scope, idOrIsn);
  if (!row) throw notFound('detainee', idOrIsn);
  const d = detaineeFromRow(row);
  await ctx.audit.record(ctx.db, { action: 'detainee.read', subjectType: 'detainee', subjectId: d.id, details: { isn: d.isn } });
  return d;
}

/** Every detainee the caller may see that matches, page by page (for exports). Audited per page. */
export async function* exportDetainees(ctx: Ctx, raw: Omit<TDetaineeListQuery, 'cursor' | 'limit'>): AsyncGenerator<TDetainee> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listDetainees(ctx, { ...raw, limit: 1000, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
