import { notFound } from '../kernel/index.js';
import { requirePermission, scopeFor, type Ctx, type Scope } from '../access/index.js';
import type { Db } from '../store/index.js';
import { selectAgreements, selectCamps, selectControl } from './camp.store.js';
import { CAMP_FIELDS, type CampField } from './camps.schemas.js';
import { fieldWithheld } from './camps.errors.js';
import { authorityAt, visibleFields, withheldOf, type CampPolicyInput } from './fields.js';

/** A camp as one caller sees it: which fields of its records, and who controls it now. */
export interface CampAccess {
  id: string;
  code: string;
  name: string;
  fields: ReadonlySet<CampField>;
  withheld: CampField[];
  authorityId: string | null;
  authorityCode: string | null;
  policy: CampPolicyInput;
}

/** Everything a camps use case needs to scope its queries and present its answer. */
export interface CampsView {
  scope: Scope;
  now: string;
  camps: CampAccess[];
  byId: ReadonlyMap<string, CampAccess>;
  byCode: ReadonlyMap<string, CampAccess>;
}

/** An id no row has, so `IN (…)` never gets an empty list. */
// NOTE: PostgreSQL text cannot hold U+0000, so the sentinel is a string no generated id or code can be.
export const NO_ID = '#none';

/**
 * The caller's view of the camps: the marking scope, and for each camp they may see, the fields of its
 * records they may see now (data-sharing agreement or control, intersected with their roles). Requires
 * `camps:read`.
 */
export async function campsView(ctx: Ctx, db: Db = ctx.db): Promise<CampsView> {
  requirePermission(ctx.principal, 'camps:read');
  const scope = await scopeFor(db, ctx.principal);
  const now = ctx.clock.now().toISOString();
  const rows = await selectCamps(db, scope);
  const ids = rows.map((r) => r.id);
  const control = await selectControl(db, ids);
  const agreements = await selectAgreements(db, ids);
  const codeOf = new Map([...control, ...agreements].map((r) => [r.agency_id, r.agency_code]));
  const camps = rows.map((r): CampAccess => {
    const policy: CampPolicyInput = {
      control: control.filter((c) => c.facility_id === r.id).map((c) => ({ agencyId: c.agency_id, fromAt: c.from_at })),
      agreements: agreements.filter((a) => a.facility_id === r.id).map((a) => ({ agencyId: a.agency_id, fields: parseFields(a.fields), fromAt: a.from_at })),
    };
    const fields = visibleFields(ctx.principal, policy, now);
    const authorityId = authorityAt(policy.control, now) ?? null;
    return { id: r.id, code: r.code, name: r.name, fields, withheld: withheldOf(fields), authorityId, authorityCode: authorityId ? (codeOf.get(authorityId) ?? null) : null, policy };
  });
  return { scope, now, camps, byId: new Map(camps.map((c) => [c.id, c])), byCode: new Map(camps.map((c) => [c.code, c])) };
}

/** A field list stored as JSON, keeping only known fields. */
export function parseFields(json: string): CampField[] {
  const raw = JSON.parse(json) as unknown;
  return Array.isArray(raw) ? CAMP_FIELDS.filter((f) => raw.includes(f)) : [];
}

/** The camp with `code` (or id) in the view. @throws DomainError NOT_FOUND when absent or unseen. */
export function campOf(view: CampsView, codeOrId: string): CampAccess {
  const c = view.byCode.get(codeOrId) ?? view.byId.get(codeOrId);
  if (!c) throw notFound('camp', codeOrId);
  return c;
}

/** @throws DomainError CAMPS_FIELD_WITHHELD when the caller may not see `field` of the camp's records. */
export function requireField(camp: CampAccess, field: CampField): void {
  if (!camp.fields.has(field)) throw fieldWithheld(field, camp.code);
}

/**
 * The ids of the camps a query may cover: the one named (which must show every field the query uses), or
 * every camp in view that shows all of them — so that a filter on a withheld field never counts, sorts or
 * selects a record by it.
 */
export function campIdsFor(view: CampsView, camp: string | undefined, fields: readonly CampField[]): string[] {
  if (camp !== undefined) {
    const c = campOf(view, camp);
    for (const f of fields) requireField(c, f);
    return [c.id];
  }
  const ids = view.camps.filter((c) => fields.every((f) => c.fields.has(f))).map((c) => c.id);
  return ids.length > 0 ? ids : [NO_ID];
}
