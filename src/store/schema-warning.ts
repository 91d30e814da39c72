/**
 * Tables of the early-warning and agreements modules (migration 0006_warning). Timestamps are ISO-8601 UTC
 * text, lists and objects JSON text, like every other table.
 */

/** A conflict event near the sites: imported from an ACLED-layout CSV, entered by hand, or seeded. */
export interface ConflictEventsTable {
  id: string;
  /** ACLED's `event_id_cnty` when the event came from ACLED. */
  source_id: string | null;
  /** `YYYY-MM-DD`. */
  event_date: string;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor2: string | null;
  country: string;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string;
  lat: number;
  lon: number;
  fatalities: number;
  notes: string | null;
  /** 'import' | 'manual' | 'scenario'. */
  origin: string;
  import_id: string | null;
  marking_id: number;
  recorded_by: string;
  recorded_at: string;
}

/** One observation of a facility's indicators; a null field was not observed this time. */
export interface FacilityIndicatorsTable {
  id: string;
  facility_id: string;
  observed_at: string;
  guard_strength: number | null;
  population: number | null;
  capacity: number | null;
  days_since_resupply: number | null;
  /** Incidents since the previous observation. */
  riots: number | null;
  escape_attempts: number | null;
  guard_desertions: number | null;
  /** 'holding-force' | 'contested' | 'hostile'. */
  area_control: string | null;
  note: string | null;
  origin: string;
  marking_id: number;
  recorded_by: string;
  recorded_at: string;
}

/** A facility that fell (breached, overrun, abandoned): the outcome the model is back-tested against. */
export interface WarningBreachesTable {
  id: string;
  facility_id: string;
  at: string;
  note: string | null;
  origin: string;
  marking_id: number;
  recorded_by: string;
  recorded_at: string;
}

/** A threshold crossed by a facility's breach probability; open until a person acknowledges it. */
export interface WarningAlertsTable {
  id: string;
  facility_id: string;
  /** 'warning' | 'critical'. */
  level: string;
  /** The model time the risk was computed for. */
  as_of: string;
  raised_at: string;
  p7: number;
  p30: number;
  hazard_per_hour: number;
  threshold: number;
  /** JSON: the factor contributions at the time. */
  factors: string;
  /** 'open' | 'acknowledged'. */
  status: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  ack_note: string | null;
  marking_id: number;
}

/** A transfer agreement between the holding force, the receiving government and the airlift command. */
export interface AgreementsTable {
  id: string;
  code: string;
  title: string;
  holding_agency_id: string;
  receiving_agency_id: string;
  airlift_agency_id: string;
  /** Facility code of the receiving facility the quotas apply at. */
  destination: string;
  valid_from: string;
  valid_to: string | null;
  per_day: number | null;
  /** JSON object: nationality (alpha-3) → detainees per day. */
  nationality_quotas: string;
  /** JSON array of assurances. */
  assurances: string;
  /** JSON array of conditions plans must respect. */
  conditions: string;
  /** 'draft' | 'negotiating' | 'signed' | 'suspended'. */
  status: string;
  version: number;
  marking_id: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** An agreement's history: creation and each status change (append-only). */
export interface AgreementEventsTable {
  id: string;
  agreement_id: string;
  at: string;
  from_status: string | null;
  to_status: string;
  by_user: string;
  note: string | null;
  marking_id: number;
}
