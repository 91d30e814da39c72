import { markingFromRow } from '../access/index.js';
import { bannerOf, formatMarking, type Marking } from '../kernel/index.js';
import {
  ZDeclassRequest, type TDeclassRequest, type TEvidenceItem, type TEvidenceVersion, type TItemCustodyEntry,
} from './cases.schemas.js';
import { textOf } from './content.js';
import type { RequestRow } from './declass.store.js';
import type { VersionRow } from './evidence.store.js';

/** Rows to the module's answers: one mapper per shape. */

/** The marking of a version row (with its originator country). */
export function markingOfVersion(v: VersionRow): Marking {
  return markingFromRow({ level: v.m_level, rel_kind: v.m_rel_kind, rel_countries: v.m_rel_countries, caveats: v.m_caveats });
}

/** The banner text of records with these marking texts (U when none). */
export function bannerText(markings: readonly Marking[]): string {
  return formatMarking(bannerOf(markings));
}

/** A version as the caller sees it; `parent` only when the caller sees the parent too. */
export function presentVersion(v: VersionRow, visibleNumbers: ReadonlyMap<string, number>, bytes: Buffer | undefined): TEvidenceVersion {
  return {
    id: v.id, number: v.number, origin: v.origin as TEvidenceVersion['origin'], parent: v.parent_id ? (visibleNumbers.get(v.parent_id) ?? null) : null,
    description: v.description, source: v.source, provenance: v.provenance, contentType: v.content_type, size: v.size, sha256: v.content_sha256,
    fileName: v.file_name, body: bytes ? textOf(v.content_type, bytes) : null, marking: v.marking, request: v.request_id, createdBy: v.created_by, createdAt: v.created_at,
  };
}

export interface CustodyRow {
  seq: number;
  item_id: string;
  at: string;
  action: string;
  actor: string;
  place: string | null;
  note: string | null;
  marking: string;
  recorded_by: string;
}

export function presentCustody(e: CustodyRow): TItemCustodyEntry {
  return { seq: e.seq, at: e.at, action: e.action as TItemCustodyEntry['action'], actor: e.actor, place: e.place, note: e.note, marking: e.marking, recordedBy: e.recorded_by };
}

/** Items from their visible versions (grouped, in reference order) and their visible custody entries. */
export function presentItems(versions: readonly VersionRow[], custody: readonly CustodyRow[], contents: ReadonlyMap<string, Buffer>, caseRef: (caseId: string) => string): TEvidenceItem[] {
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  const items = new Map<string, TEvidenceItem>();
  for (const v of versions) {
    let item = items.get(v.item_id);
    if (!item) {
      item = { id: v.item_id, ref: v.item_ref, case: caseRef(v.case_id), kind: v.kind as TEvidenceItem['kind'], agency: v.agency, dated: v.dated, versions: [], custody: [] };
      items.set(v.item_id, item);
    }
    item.versions.push(presentVersion(v, numbers, contents.get(v.content_sha256)));
  }
  for (const e of custody) items.get(e.item_id)?.custody.push(presentCustody(e));
  return [...items.values()];
}

/** The effective status: an undecided request past its expiry has lapsed, whether or not the sweep ran. */
export function effectiveStatus(r: { status: string; expires_at: string }, now: string): TDeclassRequest['status'] {
  const open = r.status === 'pending' || r.status === 'awaiting-confirmation';
  return (open && now >= r.expires_at ? 'expired' : r.status) as TDeclassRequest['status'];
}

export function presentRequest(r: RequestRow, now: string): TDeclassRequest {
  const status = effectiveStatus(r, now);
  return ZDeclassRequest.parse({
    id: r.id, case: r.case_ref, item: r.item_ref, kind: r.kind, agency: r.agency, version: r.version_number,
    audience: { kind: r.audience_kind, country: r.audience_country, ...(r.audience_name ? { name: r.audience_name } : {}) },
    purpose: r.purpose, requestedBy: r.requested_by, requestedAt: r.requested_at, dueAt: r.due_at, expiresAt: r.expires_at, status,
    overdue: (status === 'pending' || status === 'awaiting-confirmation') && now > r.due_at,
    outcome: r.outcome, proposedMarking: r.proposed_marking, proposedBy: r.proposed_by, decidedBy: r.decided_by, confirmedBy: r.confirmed_by,
    decidedAt: r.decided_at, reason: r.reason, resultVersion: r.result_number, decision: r.decision,
    signature: r.signature ? (JSON.parse(r.signature) as unknown) : null, marking: r.marking,
  });
}
