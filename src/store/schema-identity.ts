/** The identity module's tables (migration 0005_identity). */

/** One enrollment: an encounter's templates (packed Float32 blob) and descriptive data. */
export interface IdentityEnrollmentsTable {
  id: string;
  detainee_id: string;
  agency_code: string;
  officer: string;
  station: string;
  captured_at: string;
  /** Packed unit-normalised templates, Float32 little-endian, zeros for an absent modality. */
  templates: Buffer;
  /** JSON array of 12 qualities (null where the modality is absent). */
  qualities: string;
  name_ar: string | null;
  name_latin: string | null;
  /** JSON array of strings. */
  aliases: string;
  birth_date: string | null;
  birth_year: number | null;
  birth_place: string | null;
  nationality: string | null;
  /** JSON array of strings. */
  languages: string;
  source: 'scenario' | 'capture' | 'import';
  marking_id: number;
  created_at: string;
}

/** A candidate pair (left_id < right_id) and its current status. */
export interface IdentityCandidatesTable {
  id: string;
  left_id: string;
  right_id: string;
  score: number;
  biometric: number | null;
  /** JSON array of components. */
  components: string;
  source: 'arrival' | 'dedup';
  status: 'pending' | 'same' | 'different' | 'unsure';
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** Append-only: every decision and undo, with the identity moves it made (JSON `{detaineeId: previousIdentity}`). */
export interface IdentityDecisionsTable {
  id: string;
  candidate_id: string;
  decision: 'same' | 'different' | 'unsure' | 'undo';
  reason: string;
  moved: string;
  decided_by: string;
  decided_at: string;
}

/** Which identity a detainee record belongs to; absent means its own (identity id = detainee id). */
export interface IdentityMembersTable {
  detainee_id: string;
  identity_id: string;
  updated_at: string;
}
