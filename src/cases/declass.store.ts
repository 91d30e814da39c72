import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Db, DeclassRequestsTable } from '../store/index.js';

/** Declassification requests: read within scope (a request carries the marking of the version it names). */

export async function insertRequest(db: Db, row: DeclassRequestsTable): Promise<void> {
  await db.insertInto('declass_requests').values(row).execute();
}

export interface RequestRow extends DeclassRequestsTable {
  case_ref: string;
  item_ref: string;
  kind: string;
  agency_id: string;
  agency: string;
  version_number: number;
  result_number: number | null;
  marking: string;
  proposed_marking: string | null;
}

/** Which requests: by id, originating agency, requester, item, case, status (any combination). */
export interface RequestFilter {
  ids?: readonly string[];
  agencyId?: string;
  requestedBy?: string;
  itemIds?: readonly string[];
  caseIds?: readonly string[];
  statuses?: readonly string[];
  decidedSince?: string;
  decidedUntil?: string;
}

/** Requests in scope matching `f`, oldest deadline first. */
export async function selectRequests(db: Db, scope: Scope, f: RequestFilter): Promise<RequestRow[]> {
  let q = db
    .selectFrom('declass_requests as r')
    .innerJoin('evidence_items as i', 'i.id', 'r.item_id')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .innerJoin('evidence_versions as v', 'v.id', 'r.version_id')
    .innerJoin('markings as m', 'm.id', 'r.marking_id')
    .leftJoin('markings as pm', 'pm.id', 'r.proposed_marking_id')
    .leftJoin('evidence_versions as rv', 'rv.id', 'r.result_version_id')
    .selectAll('r')
    .select([
      'c.ref as case_ref', 'i.ref as item_ref', 'i.kind', 'i.agency_id', 'a.code as agency', 'v.number as version_number', 'rv.number as result_number',
      'm.text as marking', 'pm.text as proposed_marking',
    ])
    .where('r.marking_id', 'in', scope.markingIds);
  const none = sql<boolean>`1 = 0`;
  if (f.ids) q = f.ids.length > 0 ? q.where('r.id', 'in', [...f.ids]) : q.where(none);
  if (f.itemIds) q = f.itemIds.length > 0 ? q.where('r.item_id', 'in', [...f.itemIds]) : q.where(none);
  if (f.caseIds) q = f.caseIds.length > 0 ? q.where('i.case_id', 'in', [...f.caseIds]) : q.where(none);
  if (f.statuses) q = f.statuses.length > 0 ? q.where('r.status', 'in', [...f.statuses]) : q.where(none);
  if (f.agencyId) q = q.where('i.agency_id', '=', f.agencyId);
  if (f.requestedBy) q = q.where('r.requested_by', '=', f.requestedBy);
  if (f.decidedSince) q = q.where('r.decided_at', '>', f.decidedSince);
  if (f.decidedUntil) q = q.where('r.decided_at', '<=', f.decidedUntil);
  return q.orderBy('r.due_at').orderBy('r.id').execute();
}

/**
 * Applies `patch` to a request only if it is still at `version` and in one of `from` statuses: the guard that
 * makes every decision happen once. Returns the number of rows changed (0 or 1).
 */
export async function updateRequest(db: Db, id: string, guard: { version: number; from: readonly string[] }, patch: Partial<DeclassRequestsTable>): Promise<number> {
  const r = await db
    .updateTable('declass_requests')
    .set({ ...patch, version: guard.version + 1 })
    .where('id', '=', id)
    .where('version', '=', guard.version)
    .where('status', 'in', [...guard.from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Undecided requests past their expiry about items an agency originated. */
export async function lapsedRequests(db: Db, now: string, agencyId: string): Promise<{ id: string; version: number }[]> {
  return db
    .selectFrom('declass_requests as r')
    .innerJoin('evidence_items as i', 'i.id', 'r.item_id')
    .select(['r.id', 'r.version'])
    .where('i.agency_id', '=', agencyId)
    .where('r.status', 'in', ['pending', 'awaiting-confirmation'])
    .where('r.expires_at', '<=', now)
    .execute();
}
