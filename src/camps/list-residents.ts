import { invalid, queryKeys } from '../kernel/index.js';
import type { Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { bornOnOrBefore } from './age.js';
import { ZResidentListQuery, type CampField, type TCampResident, type TResidentListQuery, type TResidentPage } from './camps.schemas.js';
import { campIdsFor, campsView, NO_ID, type CampsView } from './policy.js';
import { presentResident } from './present.js';
import { countResidents, selectResidentPage, type ResidentFilter, type ResidentRow } from './resident.store.js';

function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id?: unknown };
    if (typeof v.id === 'string') return v.id;
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', 'not a cursor returned by this list');
}

/**
 * The filter of a resident query, narrowed so that it never selects by a withheld field: each filter
 * restricts the query to the camps whose records show the field it uses (a named camp that withholds it is
 * refused with CAMPS_FIELD_WITHHELD).
 */
export async function residentFilter(db: Db, view: CampsView, q: ReturnType<typeof ZResidentListQuery.parse>): Promise<ResidentFilter> {
  const uses: CampField[] = [];
  if (q.household) uses.push('household');
  if (q.nationality) uses.push('nationality');
  if (q.sex) uses.push('sex');
  if (q.ageMin !== undefined || q.ageMax !== undefined) uses.push('birth');
  if (q.search) uses.push('names');
  const f: ResidentFilter = { campIds: campIdsFor(view, q.camp, uses), status: q.status, nationality: q.nationality, sex: q.sex };
  const today = view.now.slice(0, 10);
  if (q.ageMin !== undefined) f.bornBy = bornOnOrBefore(today, q.ageMin);
  if (q.ageMax !== undefined) f.bornAfter = bornOnOrBefore(today, q.ageMax + 1);
  if (q.search) {
    const keys = queryKeys(q.search);
    f.searchKeys = keys.length > 0 ? keys : ['#'];
  }
  if (q.household) {
    const h = await db.selectFrom('households').select('id').where('code', '=', q.household).where('marking_id', 'in', view.scope.markingIds).executeTakeFirst();
    f.householdId = h?.id ?? NO_ID;
  }
  return f;
}

/** Rows → residents, each with the fields its camp shows the caller. */
export function presentRows(view: CampsView, rows: readonly ResidentRow[]): TCampResident[] {
  const today = view.now.slice(0, 10);
  return rows.flatMap((r) => {
    const camp = view.byId.get(r.facility_id);
    return camp ? [presentResident(r, camp.fields, camp.withheld, today)] : [];
  });
}

/**
 * A page of the camp residents the caller may see, ordered by id, with the total that match. Requires
 * `camps:read`. Each resident shows only the fields their camp's data-sharing agreement and the caller's roles
 * allow; a filter on a withheld field is refused for a named camp and leaves out the camps that withhold it
 * otherwise. The read is audited (the ids returned).
 * @throws DomainError NOT_FOUND (camp absent or unseen), CAMPS_FIELD_WITHHELD, INVALID_INPUT.
 */
export async function listResidents(ctx: Ctx, raw: TResidentListQuery): Promise<TResidentPage> {
  const q = ZResidentListQuery.parse(raw);
  const view = await campsView(ctx);
  const filter = await residentFilter(ctx.db, view, q);
  const afterId = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await selectResidentPage(ctx.db, view.scope, filter, { afterId, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const total = await countResidents(ctx.db, view.scope, filter);
  const items = presentRows(view, page);
  await ctx.audit.record(ctx.db, { action: 'camp-resident.list', subjectType: 'camp-resident', details: { ids: items.map((r) => r.id), total } });
  return { items, total, nextCursor: rows.length > q.limit && page.length > 0 ? encodeCursor(page.at(-1)!.id) : null };
}

/** Every resident the caller may see that matches, page by page (for exports); each page audited. */
export async function* exportResidents(ctx: Ctx, raw: Omit<TResidentListQuery, 'cursor' | 'limit'>): AsyncGenerator<TCampResident> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listResidents(ctx, { ...raw, limit: 1000, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
