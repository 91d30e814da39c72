import type { ExpressionBuilder } from 'kysely';
import type { Scope } from '../access/index.js';
import type {
  CoordinationActionsTable, CoordinationActionUpdatesTable, CoordinationAttendanceTable, CoordinationCallsTable, CoordinationDecisionsTable, Database, Db,
} from '../store/index.js';

/**
 * Kysely queries of the coordination tables. Every select of calls, decisions and actions filters on the
 * caller's scope; a decision or an action is seen only with its call (both markings in scope).
 */

export type CallRow = CoordinationCallsTable & { marking_text: string };
export type DecisionRow = CoordinationDecisionsTable & { marking_text: string };
export type ActionRow = CoordinationActionsTable & { marking_text: string };

function scopedCalls(db: Db, scope: Scope) {
  return db
    .selectFrom('coordination_calls as c')
    .innerJoin('markings as m', 'm.id', 'c.marking_id')
    .selectAll('c')
    .select('m.text as marking_text')
    .where('c.marking_id', 'in', scope.markingIds);
}

export async function insertCall(db: Db, row: CoordinationCallsTable): Promise<void> {
  await db.insertInto('coordination_calls').values(row).execute();
}

/** One call in scope. */
export async function selectCall(db: Db, scope: Scope, id: string): Promise<CallRow | undefined> {
  return scopedCalls(db, scope).where('c.id', '=', id).executeTakeFirst();
}

/** Calls in scope, newest first, between two dates (inclusive). */
export async function selectCalls(db: Db, scope: Scope, range: { from?: string | undefined; to?: string | undefined }): Promise<CallRow[]> {
  let q = scopedCalls(db, scope).orderBy('c.starts_at', 'desc').orderBy('c.id', 'desc');
  if (range.from) q = q.where('c.call_date', '>=', range.from);
  if (range.to) q = q.where('c.call_date', '<=', range.to);
  return q.execute();
}

/** The latest call in scope that starts before `instant`. */
export async function selectCallBefore(db: Db, scope: Scope, instant: string): Promise<CallRow | undefined> {
  return scopedCalls(db, scope).where('c.starts_at', '<', instant).orderBy('c.starts_at', 'desc').orderBy('c.id', 'desc').executeTakeFirst();
}

/** The first call in scope on a date. */
export async function selectFirstCallOn(db: Db, scope: Scope, date: string): Promise<CallRow | undefined> {
  return scopedCalls(db, scope).where('c.call_date', '=', date).orderBy('c.starts_at').orderBy('c.id').executeTakeFirst();
}

/** Agency codes that exist, among `codes`. */
export async function existingAgencies(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('agencies').select('code').where('code', 'in', [...new Set(codes)]).execute();
  return new Set(rows.map((r) => r.code));
}

/** Records an attendee, replacing an earlier entry for the same agency and person. */
export async function upsertAttendance(db: Db, row: CoordinationAttendanceTable): Promise<void> {
  await db
    .insertInto('coordination_attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['call_id', 'agency_code', 'person']).doUpdateSet({ present: row.present, recorded_by: row.recorded_by, recorded_at: row.recorded_at }))
    .execute();
}

export async function selectAttendance(db: Db, callIds: readonly string[]): Promise<CoordinationAttendanceTable[]> {
  if (callIds.length === 0) return [];
  return db.selectFrom('coordination_attendance').selectAll().where('call_id', 'in', [...callIds]).orderBy('agency_code').orderBy('person').execute();
}

export async function insertDecision(db: Db, row: CoordinationDecisionsTable): Promise<void> {
  await db.insertInto('coordination_decisions').values(row).execute();
}

type OfCall = Database & { x: { call_id: string; marking_id: number } };

/**
 * The scope rule of decisions and actions (aliased `x`): the item's marking in scope, and its call's too, so
 * an item never shows without its call (it would reveal that a call the caller may not see exists).
 */
function withItsCall(scope: Scope) {
  return (eb: ExpressionBuilder<OfCall, 'x'>) =>
    eb.and([
      eb('x.marking_id', 'in', scope.markingIds),
      eb.exists(eb.selectFrom('coordination_calls as c').select('c.id').whereRef('c.id', '=', 'x.call_id').where('c.marking_id', 'in', scope.markingIds)),
    ]);
}

function scopedDecisions(db: Db, scope: Scope) {
  return db.selectFrom('coordination_decisions as x').innerJoin('markings as m', 'm.id', 'x.marking_id').selectAll('x').select('m.text as marking_text').where(withItsCall(scope));
}

function scopedActions(db: Db, scope: Scope) {
  return db.selectFrom('coordination_actions as x').innerJoin('markings as m', 'm.id', 'x.marking_id').selectAll('x').select('m.text as marking_text').where(withItsCall(scope));
}

/** Decisions in scope: of some calls, or recorded in a window (after `since`, up to `until`). */
export async function selectDecisions(db: Db, scope: Scope, f: { callIds?: readonly string[]; since?: string; until?: string; id?: string }): Promise<DecisionRow[]> {
  let q = scopedDecisions(db, scope).orderBy('x.recorded_at').orderBy('x.id');
  if (f.callIds) q = q.where('x.call_id', 'in', f.callIds.length > 0 ? [...f.callIds] : ['#none']);
  if (f.since) q = q.where('x.recorded_at', '>', f.since);
  if (f.until) q = q.where('x.recorded_at', '<=', f.until);
  if (f.id) q = q.where('x.id', '=', f.id);
  return q.execute();
}

export async function insertAction(db: Db, row: CoordinationActionsTable): Promise<void> {
  await db.insertInto('coordination_actions').values(row).execute();
}

export async function insertActionUpdate(db: Db, row: CoordinationActionUpdatesTable): Promise<void> {
  await db.insertInto('coordination_action_updates').values(row).execute();
}

/** What an action list may filter on. `dueBefore` keeps actions due strictly before a date. */
export interface ActionFilter {
  id?: string;
  callIds?: readonly string[];
  statuses?: readonly string[];
  owner?: string;
  dueBefore?: string;
  createdSince?: string;
  createdUntil?: string;
  closedSince?: string;
  closedUntil?: string;
}

/** Actions in scope, by due date. */
export async function selectActions(db: Db, scope: Scope, f: ActionFilter): Promise<ActionRow[]> {
  let q = scopedActions(db, scope).orderBy('x.due_date').orderBy('x.created_at').orderBy('x.id');
  if (f.id) q = q.where('x.id', '=', f.id);
  if (f.callIds) q = q.where('x.call_id', 'in', f.callIds.length > 0 ? [...f.callIds] : ['#none']);
  if (f.statuses) q = q.where('x.status', 'in', [...f.statuses]);
  if (f.owner) q = q.where('x.owner_agency_code', '=', f.owner);
  if (f.dueBefore) q = q.where('x.due_date', '<', f.dueBefore);
  if (f.createdSince) q = q.where('x.created_at', '>', f.createdSince);
  if (f.createdUntil) q = q.where('x.created_at', '<=', f.createdUntil);
  if (f.closedSince) q = q.where('x.closed_at', '>', f.closedSince);
  if (f.closedUntil) q = q.where('x.closed_at', '<=', f.closedUntil);
  return q.execute();
}

/** Sets an action's status at the version read; false when it changed meanwhile. */
export async function updateActionStatus(db: Db, id: string, set: { status: string; updated_at: string; closed_at: string | null; version: number }): Promise<boolean> {
  const r = await db.updateTable('coordination_actions').set(set).where('id', '=', id).where('version', '=', set.version - 1).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Multi-row inserts for the scenario loader, in statements small enough for both dialects' parameter limits. */
export async function insertCoordinationRows(db: Db, rows: {
  calls: CoordinationCallsTable[];
  attendance: CoordinationAttendanceTable[];
  decisions: CoordinationDecisionsTable[];
  actions: CoordinationActionsTable[];
  updates: CoordinationActionUpdatesTable[];
}): Promise<void> {
  const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / 200) }, (_, i) => xs.slice(i * 200, i * 200 + 200));
  // Parents first, so the foreign keys hold at every statement.
  for (const c of chunks(rows.calls)) await db.insertInto('coordination_calls').values(c).execute();
  for (const c of chunks(rows.attendance)) await db.insertInto('coordination_attendance').values(c).execute();
  for (const c of chunks(rows.decisions)) await db.insertInto('coordination_decisions').values(c).execute();
  for (const c of chunks(rows.actions)) await db.insertInto('coordination_actions').values(c).execute();
  for (const c of chunks(rows.updates)) await db.insertInto('coordination_action_updates').values(c).execute();
}
