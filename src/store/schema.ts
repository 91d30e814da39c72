import type { Generated } from 'kysely';
import type { CoordinationActionsTable, CoordinationActionUpdatesTable, CoordinationAttendanceTable, CoordinationCallsTable, CoordinationDecisionsTable } from './schema-coordination.js';
export type * from './schema-coordination.js';
import type { AgreementEventsTable, AgreementsTable, ConflictEventsTable, FacilityIndicatorsTable, WarningAlertsTable, WarningBreachesTable } from './schema-warning.js';
export type * from './schema-warning.js';
import type { CampDuplicateReviewsTable, CampGuardianshipEndsTable, CustodyVerificationsTable } from './schema-custody-camps.js';
export type * from './schema-custody-camps.js';
import type { RepatriationTables } from './schema-repatriation.js';
import type { CaseDetaineesTable, CasesTable, DeclassRequestsTable, EvidenceContentsTable, EvidenceCustodyTable, EvidenceItemsTable, EvidenceVersionsTable } from './schema-cases.js';
import type { AirliftDiscrepanciesTable, AirliftManifestsTable, AirliftPlanDetaineesTable, AirliftPlansTable, AirliftResolutionsTable, AirliftScansTable, AirliftSortiesTable } from './schema-airlift.js';
import type { IdentityCandidatesTable, IdentityDecisionsTable, IdentityEnrollmentsTable, IdentityMembersTable } from './schema-identity.js';
export type * from './schema-identity.js';
import type { CustodyLogTables } from './schema-custody.js';
export type * from './schema-custody.js';

/**
 * The database as Kysely sees it: one interface per table, snake_case columns as stored. Timestamps are
 * ISO-8601 UTC text and lists are JSON text on both dialects, so every query is portable (SQLite,
 * PostgreSQL and the distributed PostgreSQL-compatible engines). Rows are mapped to domain values by each
 * module's `*.store.ts`.
 */
export interface Database {
  markings: MarkingsTable;
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  facilities: FacilitiesTable;
  landing_zones: LandingZonesTable;
  detainees: DetaineesTable;
  registration_reviews: RegistrationReviewsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  aircraft_types: AircraftTypesTable;
  aircraft: AircraftTable;
  scenario_runs: ScenarioRunsTable;
  scenario_truth: ScenarioTruthTable;
  custody_keys: CustodyKeysTable;
  custody_entries: CustodyEntriesTable;
  custody_head: CustodyHeadTable;
  custody_checkpoints: CustodyCheckpointsTable;
  custody_handovers: CustodyHandoversTable;
  custody_witness_heads: CustodyWitnessHeadsTable;
  custody_alerts: CustodyAlertsTable;
  camp_sections: CampSectionsTable;
  camp_shelters: CampSheltersTable;
  camp_resident_details: CampResidentDetailsTable;
  camp_guardianships: CampGuardianshipsTable;
  camp_family_links: CampFamilyLinksTable;
  camp_movements: CampMovementsTable;
  camp_authorities: CampAuthoritiesTable;
  camp_agreements: CampAgreementsTable;
  camp_programmes: CampProgrammesTable;
  camp_programme_assignments: CampProgrammeAssignmentsTable;
  camp_attendance: CampAttendanceTable;
  coordination_calls: CoordinationCallsTable;
  coordination_attendance: CoordinationAttendanceTable;
  coordination_decisions: CoordinationDecisionsTable;
  coordination_actions: CoordinationActionsTable;
  coordination_action_updates: CoordinationActionUpdatesTable;
  conflict_events: ConflictEventsTable; facility_indicators: FacilityIndicatorsTable; warning_breaches: WarningBreachesTable; warning_alerts: WarningAlertsTable; agreements: AgreementsTable; agreement_events: AgreementEventsTable;
  custody_verifications: CustodyVerificationsTable;
  camp_duplicate_reviews: CampDuplicateReviewsTable;
  camp_guardianship_ends: CampGuardianshipEndsTable;
  repatriation_countries: RepatriationTables['repatriation_countries']; repatriation_status_changes: RepatriationTables['repatriation_status_changes']; repatriation_engagements: RepatriationTables['repatriation_engagements']; repatriation_batches: RepatriationTables['repatriation_batches']; repatriation_batch_members: RepatriationTables['repatriation_batch_members'];
  cases: CasesTable; case_detainees: CaseDetaineesTable; evidence_items: EvidenceItemsTable; evidence_contents: EvidenceContentsTable; evidence_versions: EvidenceVersionsTable; evidence_custody: EvidenceCustodyTable; declass_requests: DeclassRequestsTable;
  airlift_plans: AirliftPlansTable; airlift_plan_detainees: AirliftPlanDetaineesTable; airlift_sorties: AirliftSortiesTable; airlift_manifests: AirliftManifestsTable; airlift_scans: AirliftScansTable; airlift_discrepancies: AirliftDiscrepanciesTable; airlift_resolutions: AirliftResolutionsTable;
  identity_enrollments: IdentityEnrollmentsTable; identity_candidates: IdentityCandidatesTable; identity_decisions: IdentityDecisionsTable; identity_members: IdentityMembersTable;
  custody_tiles: CustodyLogTables['custody_tiles']; custody_tile_nodes: CustodyLogTables['custody_tile_nodes']; custody_tail: CustodyLogTables['custody_tail'];
}

/** Interned markings: each distinct (marking, originator country) once; rows point at them by id. */
export interface MarkingsTable {
  id: Generated<number>;
  /** Canonical text, e.g. `S//LES//REL TO IRQ, USA`. */
  text: string;
  originator: string;
  level: number;
  /** 'all' | 'rel' | 'noforn'. */
  rel_kind: string;
  /** JSON array of alpha-3 codes. */
  rel_countries: string;
  /** JSON array of caveat groups. */
  caveats: string;
}

export interface AgenciesTable {
  id: string;
  code: string;
  name: string;
  country: string;
  kind: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  clearance: string;
  /** JSON array. */
  roles: string;
  /** JSON array of need-to-know groups. */
  groups: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the secret token; the token itself is never stored. */
  id: string;
  user_id: string;
  /** 'session' (browser cookie, idle expiry) or 'token' (API bearer token, fixed expiry). */
  kind: string;
  name: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  revoked: number;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  user_id: string | null;
  username: string;
  agency_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
  /** JSON object, validated by the audit module's schema when read back. */
  details: string;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface FacilitiesTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  country: string;
  lat: number;
  lon: number;
  capacity: number;
  population: number;
  guard_force: number;
  guard_agency_id: string | null;
  status: string;
  collapse_risk: number;
  marking_id: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LandingZonesTable {
  id: string;
  facility_id: string;
  name: string;
  lat: number;
  lon: number;
  slots: number;
  max_category: string;
}

export interface DetaineesTable {
  id: string;
  isn: string;
  name_ar: string;
  name_latin: string;
  /** JSON array of { nameAr?, nameLatin?, kind }. */
  aliases: string;
  birth_date: string | null;
  birth_year: number | null;
  birth_place: string | null;
  nationality: string;
  sex: string;
  risk_tier: string;
  /** JSON arrays. */
  keep_apart: string;
  medical: string;
  legal_status: string;
  facility_id: string | null;
  custodian_agency_id: string | null;
  status: string;
  /** Space-padded name keys for search (kernel `nameSearchKeys`). */
  search_keys: string;
  marking_id: number;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface RegistrationReviewsTable {
  id: string;
  kind: string;
  status: string;
  requested_by: string;
  requested_at: string;
  /** JSON of the submitted registration. */
  payload: string;
  existing_id: string;
  /** The marking of the pair (banner of both): only users who may see both see the review. */
  marking_id: number;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution_note: string | null;
  created_detainee_id: string | null;
}

export interface HouseholdsTable {
  id: string;
  code: string;
  facility_id: string;
  nationality: string;
  head_name: string;
  size: number;
  marking_id: number;
  created_at: string;
}

export interface ResidentsTable {
  id: string;
  household_id: string;
  facility_id: string;
  name_ar: string;
  name_latin: string;
  sex: string;
  birth_date: string | null;
  nationality: string;
  relation: string;
  related_detainee_id: string | null;
  status: string;
  search_keys: string;
  marking_id: number;
  created_at: string;
}

export interface AircraftTypesTable {
  code: string;
  category: string;
  seats: number;
  speed_kmh: number;
  range_km: number;
  load_min: number;
  unload_min: number;
  refuel_min: number;
}

export interface AircraftTable {
  id: string;
  tail: string;
  type_code: string;
  operator_agency_id: string;
  base_facility_id: string | null;
  available_from: string;
  available_to: string;
}

export interface ScenarioRunsTable {
  id: string;
  seed: string;
  knobs: string;
  loaded_at: string;
  records: number;
}

/** Generator ground truth (duplicate enrollments, aliases), for accuracy tests; never shown to users. */
export interface ScenarioTruthTable {
  id: Generated<number>;
  kind: string;
  a: string;
  b: string | null;
  detail: string;
}

/** A signing key's public half (agency or log); the private half lives in a keyring, never here. */
export interface CustodyKeysTable {
  /** C2SP key name, e.g. `sallyport/agency/IRQ-MOJ` (a rotation appends `/2`, `/3`, …). */
  name: string;
  /** 8 hex digits. */
  key_id: string;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  public_key: string;
  /** `<name>+<id>+<base64(0x01 || key)>`. */
  verifier: string;
  /** 'log' | 'agency'. */
  role: string;
  agency_id: string | null;
  generation: number;
  created_at: string;
}

/** One custody log entry, for lookups; its leaf data and hashes are in custody_tiles / custody_tail (schema-custody.ts). */
export interface CustodyEntriesTable {
  idx: number;
  event_id: string;
  type: string;
  detainee_id: string;
  time: string;
  created_at: string;
}

/** The log's current size and root: one row, updated with each append (and locked by it). */
export interface CustodyHeadTable {
  id: number;
  size: number;
  root: Buffer;
  updated_at: string;
}

/** A signed tree head (C2SP checkpoint note). */
export interface CustodyCheckpointsTable {
  id: Generated<number>;
  size: number;
  root: Buffer;
  key_name: string;
  note: string;
  created_at: string;
}

/** A handover: pending with the releasing agency's signature, then completed (logged) or cancelled. */
export interface CustodyHandoversTable {
  id: string;
  detainee_id: string;
  from_agency_id: string;
  to_agency_id: string;
  /** 'pending' | 'completed' | 'cancelled'. */
  status: string;
  /** JSON of the event as signed so far. */
  event: string;
  created_at: string;
  created_by: string;
  closed_at: string | null;
  closed_by: string | null;
  log_index: number | null;
}

/** A tree head an agency has seen (witnessing). */
export interface CustodyWitnessHeadsTable {
  id: Generated<number>;
  agency_id: string;
  size: number;
  root: Buffer;
  note: string;
  /** 1 when consistent with every head the agency saw before. */
  consistent: number;
  seen_at: string;
  recorded_by: string;
}

/** A custody alert (a split view: two heads that cannot both be true). */
export interface CustodyAlertsTable {
  id: string;
  kind: string;
  agency_id: string | null;
  /** JSON naming both heads and why they disagree. */
  detail: string;
  created_at: string;
}

/** A part of a camp: a phase, an annex, the reception area. */
export interface CampSectionsTable {
  id: string;
  facility_id: string;
  code: string;
  name: string;
  kind: string;
  created_at: string;
}

/** A tent or shelter of a section, and the household living in it. */
export interface CampSheltersTable {
  id: string;
  section_id: string;
  code: string;
  household_id: string | null;
  created_at: string;
}

/** What camps adds to a resident: where in the camp, an estimated birth year, languages, vulnerabilities. */
export interface CampResidentDetailsTable {
  resident_id: string;
  section_id: string | null;
  birth_year: number | null;
  /** 1 when only the year of birth is known (estimated). */
  birth_estimated: number;
  /** The date age arithmetic uses: the date of birth, or 1 July of an estimated year; null when unknown. */
  birth_ref: string | null;
  /** JSON arrays. */
  languages: string;
  vulnerabilities: string;
  updated_at: string;
}

/** Who cares for a child: a resident of the camp, or a named person. Marked like the child. */
export interface CampGuardianshipsTable {
  id: string;
  child_id: string;
  guardian_resident_id: string | null;
  guardian_name: string | null;
  kind: string;
  since: string;
  until: string | null;
  recorded_by: string;
  recorded_at: string;
  marking_id: number;
}

/** A family link of a resident: to another resident, to a detainee, or to a relative abroad (for tracing). */
export interface CampFamilyLinksTable {
  id: string;
  resident_id: string;
  kind: string;
  relation: string;
  related_resident_id: string | null;
  detainee_id: string | null;
  relative_name: string | null;
  relative_country: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  marking_id: number;
}

/** One movement of a resident (append-only): the population of a camp at any date is replayed from these. */
export interface CampMovementsTable {
  seq: Generated<number>;
  id: string;
  resident_id: string;
  kind: string;
  at: string;
  facility_id: string;
  section_id: string | null;
  from_facility_id: string | null;
  from_section_id: string | null;
  /** The camp's controlling authority when the movement happened: what it stays attributed to. */
  authority_agency_id: string | null;
  released_to: string | null;
  destination: string | null;
  destination_country: string | null;
  agreement_ref: string | null;
  guardian_resident_id: string | null;
  batch_id: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  marking_id: number;
}

/** The control history of a camp (append-only): each row is an authority taking control from `from_at`. */
export interface CampAuthoritiesTable {
  id: string;
  facility_id: string;
  agency_id: string;
  from_at: string;
  reference: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** A data-sharing agreement (append-only): the fields of a camp's records an agency may see from `from_at`. */
export interface CampAgreementsTable {
  id: string;
  facility_id: string;
  agency_id: string;
  /** JSON array of field names (camps `CAMP_FIELDS`). */
  fields: string;
  from_at: string;
  reference: string;
  recorded_by: string;
  recorded_at: string;
}

export interface CampProgrammesTable {
  id: string;
  facility_id: string;
  code: string;
  name: string;
  kind: string;
  min_age: number;
  max_age: number;
  created_by: string;
  created_at: string;
}

export interface CampProgrammeAssignmentsTable {
  id: string;
  programme_id: string;
  resident_id: string;
  status: string;
  assigned_by: string;
  assigned_at: string;
  marking_id: number;
}

export interface CampAttendanceTable {
  assignment_id: string;
  on_date: string;
  present: number;
  recorded_by: string;
  recorded_at: string;
}
