import type { Generated } from 'kysely';

/** Case files (migration 0007_cases). Timestamps are ISO-8601 UTC text; lists are JSON text. */

/** A prosecution case file; `marking_id` marks the case's own record (title, charges). */
export interface CasesTable {
  id: string;
  ref: string;
  title: string;
  jurisdiction_kind: string;
  jurisdiction_country: string;
  jurisdiction_name: string | null;
  /** JSON list of the charges considered. */
  charges: string;
  status: string;
  /** The prosecutor's agency. */
  agency_id: string;
  marking_id: number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseDetaineesTable {
  case_id: string;
  detainee_id: string;
}

/** An evidence item: what never changes about it. What it says lives in its versions. */
export interface EvidenceItemsTable {
  id: string;
  case_id: string;
  ref: string;
  kind: string;
  /** The originating agency: its reviewers decide releases. */
  agency_id: string;
  dated: string;
  created_by: string;
  created_at: string;
}

/** Content by SHA-256 (append-only). */
export interface EvidenceContentsTable {
  sha256: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: string;
}

/** One version of an item with its own marking (append-only). */
export interface EvidenceVersionsTable {
  id: string;
  item_id: string;
  number: number;
  origin: string;
  parent_id: string | null;
  description: string;
  source: string;
  provenance: string;
  file_name: string | null;
  content_sha256: string;
  marking_id: number;
  request_id: string | null;
  created_by: string;
  created_at: string;
}

/** The item's own chain of custody (append-only). */
export interface EvidenceCustodyTable {
  seq: Generated<number>;
  item_id: string;
  at: string;
  action: string;
  actor: string;
  place: string | null;
  note: string | null;
  marking_id: number;
  recorded_by: string;
  recorded_at: string;
}

/** A declassification request and, once made, its signed decision. */
export interface DeclassRequestsTable {
  id: string;
  item_id: string;
  version_id: string;
  audience_kind: string;
  audience_country: string;
  audience_name: string | null;
  purpose: string;
  requested_by: string;
  requested_at: string;
  due_at: string;
  expires_at: string;
  status: string;
  marking_id: number;
  outcome: string | null;
  proposed_marking_id: number | null;
  proposed_by: string | null;
  proposed_at: string | null;
  decided_by: string | null;
  confirmed_by: string | null;
  decided_at: string | null;
  reason: string | null;
  result_version_id: string | null;
  decision: string | null;
  signature: string | null;
  version: number;
}

/** The case tables, merged into `Database`. */
export interface CasesDatabase {
  cases: CasesTable;
  case_detainees: CaseDetaineesTable;
  evidence_items: EvidenceItemsTable;
  evidence_contents: EvidenceContentsTable;
  evidence_versions: EvidenceVersionsTable;
  evidence_custody: EvidenceCustodyTable;
  declass_requests: DeclassRequestsTable;
}
