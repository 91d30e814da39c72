/** Tables of migration 0010_custody_camps (custody verifications, camp duplicate reviews, guardianship ends). */

/** One full verification of the custody log: who ran it, over which head, and what it found. Append-only. */
export interface CustodyVerificationsTable {
  id: string;
  started_at: string;
  finished_at: string;
  /** The username of whoever ran it. */
  run_by: string;
  agency_id: string | null;
  /** The head (size and root) the run verified against. */
  size: number;
  root: Buffer;
  /** 1 when every event's signatures and the chain of custody were checked too. */
  signatures: number;
  ok: number;
  entries: number;
  first_bad_index: number | null;
  first_bad_what: string | null;
  first_bad_reason: string | null;
}

/** An imported resident held back because it looks like a resident the importer could not see. */
export interface CampDuplicateReviewsTable {
  id: string;
  /** 'pending' | 'same' | 'different'. */
  status: string;
  facility_id: string;
  existing_resident_id: string;
  /** JSON: the checked import row. */
  payload: string;
  /** The banner of the pair: a reviewer must be able to see both. */
  marking_id: number;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  created_resident_id: string | null;
}

/** Why and when a guardianship ended (its `until` says the date). Append-only. */
export interface CampGuardianshipEndsTable {
  guardianship_id: string;
  ended_on: string;
  reason: string;
  recorded_by: string;
  recorded_at: string;
}
