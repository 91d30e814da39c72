/**
 * The coordination module's tables: the daily interagency calls, who attended, the decisions taken and the
 * action items tracked until done (with their append-only status history). Every row is marked; decisions
 * and actions are seen only by those who may see both them and their call.
 */

/** A coordination call: when it is held, who takes part, and its marking. */
export interface CoordinationCallsTable {
  id: string;
  title: string;
  /** YYYY-MM-DD (UTC). */
  call_date: string;
  /** The instant the call starts (ISO 8601 UTC): the agenda covers what changed since the previous call's. */
  starts_at: string;
  /** JSON array of the participating agencies' codes. */
  agencies: string;
  marking_id: number;
  created_by: string;
  created_at: string;
}

/** One attendee of a call: an agency and a person, present or sent apologies. */
export interface CoordinationAttendanceTable {
  call_id: string;
  agency_code: string;
  person: string;
  /** 1 present, 0 absent (apologies). */
  present: number;
  recorded_by: string;
  recorded_at: string;
}

/** A decision taken on a call: its text and who decided. */
export interface CoordinationDecisionsTable {
  id: string;
  call_id: string;
  text: string;
  decided_by: string;
  marking_id: number;
  recorded_by: string;
  recorded_at: string;
}

/** An action item: an owner agency, a due date and a status, tracked until done. */
export interface CoordinationActionsTable {
  id: string;
  call_id: string;
  decision_id: string | null;
  title: string;
  owner_agency_code: string;
  /** YYYY-MM-DD (UTC): overdue from the day after. */
  due_date: string;
  /** 'open' | 'in-progress' | 'done' | 'cancelled'. */
  status: string;
  marking_id: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  version: number;
}

/** One change of an action's status (append-only): the history the agenda reads. */
export interface CoordinationActionUpdatesTable {
  id: string;
  action_id: string;
  at: string;
  status: string;
  note: string | null;
  recorded_by: string;
}
