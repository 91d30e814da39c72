/** The repatriation module's tables (migration 0008). */

/** A country of origin's status and conditions; versioned for optimistic updates. */
export interface RepatriationCountriesTable {
  /** ISO 3166-1 alpha-3. */
  country: string;
  status: string;
  /** JSON list of condition names. */
  conditions: string;
  marking_id: number;
  version: number;
  updated_at: string;
  updated_by: string;
}

/** Append-only: every change of a country's status. */
export interface RepatriationStatusChangesTable {
  id: string;
  country: string;
  from_status: string;
  to_status: string;
  at: string;
  by: string;
  note: string | null;
  marking_id: number;
}

/** Append-only: meetings, notes verbales, requests and answers, each marked. */
export interface RepatriationEngagementsTable {
  id: string;
  country: string;
  kind: string;
  at: string;
  summary: string;
  body: string | null;
  counterpart: string | null;
  reference: string | null;
  outcome: string | null;
  due_by: string | null;
  marking_id: number;
  recorded_by: string;
  recorded_at: string;
}

/** A repatriation batch: persons handed over to a country's officials at a place and time. */
export interface RepatriationBatchesTable {
  id: string;
  country: string;
  receiving_agency_id: string;
  place: string;
  at: string;
  status: string;
  assurances: string | null;
  note: string | null;
  marking_id: number;
  version: number;
  created_at: string;
  created_by: string;
  closed_at: string | null;
  closed_by: string | null;
}

/** One person of a batch: a detainee (with its custody handover) or a camp resident (with its movement batch). */
export interface RepatriationBatchMembersTable {
  batch_id: string;
  position: number;
  kind: string;
  detainee_id: string | null;
  resident_id: string | null;
  state: string;
  handover_id: string | null;
  movement_batch: string | null;
  handed_over_at: string | null;
  /** `d:<id>` / `r:<id>` while the batch is open (unique), null once it is closed. */
  open_person: string | null;
  /** For a member not handed over: `refused`, `withdrawn` or `cancelled` (in custody, outside the batch). */
  outcome: string | null;
  outcome_reason: string | null;
}

/** The tables as they appear in the `Database` interface. */
export interface RepatriationTables {
  repatriation_countries: RepatriationCountriesTable;
  repatriation_status_changes: RepatriationStatusChangesTable;
  repatriation_engagements: RepatriationEngagementsTable;
  repatriation_batches: RepatriationBatchesTable;
  repatriation_batch_members: RepatriationBatchMembersTable;
}
