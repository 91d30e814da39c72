import { bannerOf, formatBanner, formatMarking, parseMarking } from '../kernel/index.js';
import type { CoordinationAttendanceTable } from '../store/index.js';
import type { TAction, TAttendance, TCall, TDecision } from './coordination.schemas.js';
import { ACTION_STATUSES } from './coordination.schemas.js';
import type { ActionRow, CallRow, DecisionRow } from './coordination.store.js';

/** Rows of the coordination tables as the module's answers; one mapper per record. */

export function callOf(r: CallRow): TCall {
  return {
    id: r.id, title: r.title, date: r.call_date, startsAt: r.starts_at, agencies: JSON.parse(r.agencies) as string[],
    marking: r.marking_text, createdBy: r.created_by, createdAt: r.created_at,
  };
}

export function attendanceOf(r: CoordinationAttendanceTable): TAttendance {
  return { agency: r.agency_code, person: r.person, present: r.present === 1, recordedBy: r.recorded_by, recordedAt: r.recorded_at };
}

export function decisionOf(r: DecisionRow): TDecision {
  return { id: r.id, call: r.call_id, text: r.text, decidedBy: r.decided_by, marking: r.marking_text, recordedBy: r.recorded_by, recordedAt: r.recorded_at };
}

/** True when an action is still owed after its due date, judged on `today` (YYYY-MM-DD). */
export function isOverdue(a: { status: string; due_date: string }, today: string): boolean {
  return (a.status === 'open' || a.status === 'in-progress') && a.due_date < today;
}

export function actionOf(r: ActionRow, today: string): TAction {
  return {
    id: r.id, call: r.call_id, decision: r.decision_id, title: r.title, owner: r.owner_agency_code, due: r.due_date,
    status: ACTION_STATUSES.find((s) => s === r.status) ?? 'open', overdue: isOverdue(r, today), marking: r.marking_text,
    createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, closedAt: r.closed_at, version: r.version,
  };
}

/** The combined marking of parts given as marking texts (`U` for none), and its banner line in full words. */
export function bannerOfTexts(markings: readonly string[]): { marking: string; banner: string } {
  const m = bannerOf(markings.map((t) => parseMarking(t)));
  return { marking: formatMarking(m), banner: formatBanner(m) };
}

/** The day (YYYY-MM-DD, UTC) of an instant. */
export function dayOf(instant: string | Date): string {
  return (typeof instant === 'string' ? new Date(instant) : instant).toISOString().slice(0, 10);
}

/** The last instant of a day (UTC). */
export function endOfDay(date: string): string {
  return `${date}T23:59:59.999Z`;
}

/** The day before `date`. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
}
