import type { Generated } from 'kysely';

/** Airlift execution tables (migration 0004_airlift). Lists and documents are JSON text. */

export interface AirliftPlansTable {
  id: string;
  /** The first plan of the lineage: scans and discrepancies belong to the operation. */
  operation_id: string;
  name: string;
  status: string;
  /** The plan document (formats/airlift.md), JSON. */
  document: string;
  /** JSON object: node id → { kind, name }. */
  nodes: string;
  detainees: number;
  sorties: number;
  expected_loss: number;
  completion_hours: number | null;
  flight_hours: number;
  bound_loss: number;
  bound_completion: number;
  gap: number;
  parent_id: string | null;
  disruption: string | null;
  diff: string | null;
  created_by: string;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  marking_id: number;
}

export interface AirliftPlanDetaineesTable {
  plan_id: string;
  isn: string;
  site: string;
  tier: string;
  medical: number;
  marking_id: number;
}

export interface AirliftSortiesTable {
  id: string;
  plan_id: string;
  operation_id: string;
  label: string;
  aircraft: string;
  from_node: string;
  to_node: string;
  depart: string;
  arrive: string;
  status: string;
  status_at: string | null;
  version: number;
  marking_id: number;
}

export interface AirliftManifestsTable {
  sortie_id: string;
  isn: string;
  board_node: string;
  alight_node: string;
  amended: number;
  created_at: string;
  marking_id: number;
}

export interface AirliftScansTable {
  seq: Generated<number>;
  id: string;
  operation_id: string;
  sortie_id: string | null;
  /** board | arrive (scans) | place (a correction a person recorded). */
  kind: string;
  isn: string;
  node: string | null;
  place_kind: string;
  place_at: string;
  code: string;
  scanned_at: string;
  received_at: string;
  device: string;
  source: string;
  applied: number;
  discrepancy: string | null;
  custody: string | null;
  recorded_by: string;
  marking_id: number;
}

export interface AirliftDiscrepanciesTable {
  id: string;
  operation_id: string;
  sortie_id: string;
  kind: string;
  isn: string;
  scan_id: string | null;
  detail: string;
  raised_at: string;
  status: string;
  resolved_at: string | null;
  marking_id: number;
}

export interface AirliftResolutionsTable {
  id: string;
  discrepancy_id: string;
  action: string;
  voids_scan_id: string | null;
  place: string | null;
  note: string;
  resolved_by: string;
  resolved_at: string;
  marking_id: number;
}
