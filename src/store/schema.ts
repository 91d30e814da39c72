import type { Generated } from 'kysely';

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
