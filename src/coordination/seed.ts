import { invalid, parseMarking } from '../kernel/index.js';
import { internMarking, requirePermission, type Ctx } from '../access/index.js';
import type { CoordinationActionsTable, CoordinationActionUpdatesTable, Db } from '../store/index.js';
import type { ActionStatus } from './coordination.schemas.js';
import { existingAgencies, insertCoordinationRows } from './coordination.store.js';

/** The scenario's daily calls, loaded in bulk (the loader validated every record already). */

/** A status an action reached, when and by whom. The first is `open`, when the action was created. */
export interface SeedActionStep {
  id: string;
  at: string;
  status: ActionStatus;
  note: string | null;
  by: string;
}

/** An action item of a seeded call; `marking` null takes the call's. */
export interface SeedAction {
  id: string;
  decision: string | null;
  title: string;
  owner: string;
  due: string;
  marking: string | null;
  history: SeedActionStep[];
}

/** A decision of a seeded call; `marking` null takes the call's. */
export interface SeedDecision {
  id: string;
  text: string;
  decidedBy: string;
  marking: string | null;
  at: string;
}

/** One daily call as the scenario recorded it: attendance, decisions, actions and how each action went. */
export interface SeedCall {
  id: string;
  title: string;
  date: string;
  startsAt: string;
  agencies: string[];
  marking: string;
  /** The country of the agency that keeps the minutes (the originator of every marking of the call). */
  originator: string;
  /** The secretariat's user who recorded the call. */
  recordedBy: string;
  attendance: { agency: string; person: string; present: boolean }[];
  decisions: SeedDecision[];
  actions: SeedAction[];
}

const FINAL = new Set<ActionStatus>(['done', 'cancelled']);

function actionRows(call: SeedCall, a: SeedAction, markingId: number): { action: CoordinationActionsTable; updates: CoordinationActionUpdatesTable[] } {
  const first = a.history[0];
  const last = a.history[a.history.length - 1];
  if (!first || !last || first.status !== 'open') throw invalid(`action ${a.id}: history`, 'must start with open');
  return {
    action: {
      id: a.id, call_id: call.id, decision_id: a.decision, title: a.title, owner_agency_code: a.owner, due_date: a.due, status: last.status,
      marking_id: markingId, created_by: first.by, created_at: first.at, updated_at: last.at, closed_at: FINAL.has(last.status) ? last.at : null,
      version: a.history.length,
    },
    updates: a.history.map((h) => ({ id: h.id, action_id: a.id, at: h.at, status: h.status, note: h.note, recorded_by: h.by })),
  };
}

/**
 * Stores the scenario's coordination calls with their attendance, decisions, actions and action histories, as
 * the secretariat recorded them day by day. Requires `scenario:load`. Audited as one event.
 * @returns the counts stored.
 * @throws DomainError INVALID_INPUT when a call names an agency that does not exist.
 */
export async function seedCoordination(ctx: Ctx, db: Db, calls: readonly SeedCall[]): Promise<{ calls: number; decisions: number; actions: number }> {
  requirePermission(ctx.principal, 'scenario:load');
  if (calls.length === 0) return { calls: 0, decisions: 0, actions: 0 };
  const codes = [...new Set(calls.flatMap((c) => [...c.agencies, ...c.attendance.map((a) => a.agency), ...c.actions.map((a) => a.owner)]))];
  const known = await existingAgencies(db, codes);
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw invalid('agency', `${unknown} is not an agency`);
  const markings = new Map<string, number>();
  const marking = async (text: string, originator: string) => {
    const key = `${text}\u0000${originator}`;
    let id = markings.get(key);
    if (id === undefined) markings.set(key, (id = await internMarking(db, parseMarking(text), originator)));
    return id;
  };
  const rows: Parameters<typeof insertCoordinationRows>[1] = { calls: [], attendance: [], decisions: [], actions: [], updates: [] };
  for (const c of calls) {
    const callMarking = await marking(c.marking, c.originator);
    rows.calls.push({ id: c.id, title: c.title, call_date: c.date, starts_at: c.startsAt, agencies: JSON.stringify(c.agencies), marking_id: callMarking, created_by: c.recordedBy, created_at: c.startsAt });
    for (const a of c.attendance) rows.attendance.push({ call_id: c.id, agency_code: a.agency, person: a.person, present: a.present ? 1 : 0, recorded_by: c.recordedBy, recorded_at: c.startsAt });
    for (const d of c.decisions) {
      rows.decisions.push({ id: d.id, call_id: c.id, text: d.text, decided_by: d.decidedBy, marking_id: d.marking ? await marking(d.marking, c.originator) : callMarking, recorded_by: c.recordedBy, recorded_at: d.at });
    }
    for (const a of c.actions) {
      const r = actionRows(c, a, a.marking ? await marking(a.marking, c.originator) : callMarking);
      rows.actions.push(r.action);
      rows.updates.push(...r.updates);
    }
  }
  await insertCoordinationRows(db, rows);
  const counts = { calls: rows.calls.length, decisions: rows.decisions.length, actions: rows.actions.length };
  await ctx.audit.record(db, { action: 'coordination.seed', subjectType: 'scenario', details: counts });
  return counts;
}
