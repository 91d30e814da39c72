import { invalid, notFound } from '../kernel/index.js';
import type { Ctx } from '../access/index.js';
import { ZHouseholdListQuery, type THousehold, type THouseholdDetail, type THouseholdListQuery, type THouseholdPage } from './camps.schemas.js';
import { countHouseholds, memberCounts, selectHouseholdPage, type HouseholdRow } from './household.store.js';
import { presentRows } from './list-residents.js';
import { campIdsFor, campsView, type CampsView } from './policy.js';
import { selectResidents } from './resident.store.js';

function encodeCursor(code: string): string {
  return Buffer.from(JSON.stringify({ code }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { code?: unknown };
    if (typeof v.code === 'string') return v.code;
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', 'not a cursor returned by this list');
}

/**
 * A household as the caller sees it. `members` counts the present members the caller may see — never the
 * stored size, which would tell a caller without child-protection access how many children it hides.
 */
function presentHousehold(view: CampsView, h: HouseholdRow, members: number): THousehold {
  const camp = view.byId.get(h.facility_id)!;
  const shown = camp.fields.has('household') ? members : null;
  const out: THousehold = { id: h.id, code: h.code, camp: camp.code, marking: h.marking_text, withheld: camp.withheld, members: shown };
  if (camp.fields.has('names')) out.headName = h.head_name;
  if (camp.fields.has('nationality')) out.nationality = h.nationality;
  if (camp.fields.has('household')) {
    out.section = h.section_code;
    out.shelter = h.shelter_code;
  }
  return out;
}

/**
 * A page of the households the caller may see, by code. Requires `camps:read`. A nationality filter needs
 * the nationality field (see `listResidents`). Audited.
 * @throws DomainError NOT_FOUND (camp), CAMPS_FIELD_WITHHELD, INVALID_INPUT.
 */
export async function listHouseholds(ctx: Ctx, raw: THouseholdListQuery): Promise<THouseholdPage> {
  const q = ZHouseholdListQuery.parse(raw);
  const view = await campsView(ctx);
  const filter = { campIds: campIdsFor(view, q.camp, q.nationality ? ['nationality'] : []), nationality: q.nationality };
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await selectHouseholdPage(ctx.db, view.scope, filter, { after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const counts = await memberCounts(ctx.db, view.scope, page.map((h) => h.id));
  const items = page.map((h) => presentHousehold(view, h, counts.get(h.id) ?? 0));
  const total = await countHouseholds(ctx.db, view.scope, filter);
  await ctx.audit.record(ctx.db, { action: 'camp-household.list', subjectType: 'camp-household', details: { ids: items.map((h) => h.id), total } });
  return { items, total, nextCursor: rows.length > q.limit && page.length > 0 ? encodeCursor(page.at(-1)!.code) : null };
}

/**
 * One household by id or code, with the residents the caller may see (present or gone). Requires
 * `camps:read`; members are listed only when the camp shows the household field. Audited.
 * @throws DomainError NOT_FOUND when absent or unseen.
 */
export async function showHousehold(ctx: Ctx, idOrCode: string): Promise<THouseholdDetail> {
  const view = await campsView(ctx);
  const [h] = await selectHouseholdPage(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), idOrCode }, { limit: 1 });
  if (!h) throw notFound('household', idOrCode);
  const camp = view.byId.get(h.facility_id)!;
  const rows = camp.fields.has('household')
    ? await selectResidents(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), householdId: h.id })
    : [];
  const residents = presentRows(view, rows);
  const out = { ...presentHousehold(view, h, rows.filter((r) => r.status === 'resident').length), residents };
  await ctx.audit.record(ctx.db, { action: 'camp-household.read', subjectType: 'camp-household', subjectId: h.id, details: { residents: residents.map((r) => r.id) } });
  return out;
}
