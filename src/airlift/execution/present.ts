import { markingTexts } from '../../access/index.js';
import { bannerOf, formatMarking, parseMarking } from '../../kernel/index.js';
import type { Db } from '../../store/index.js';
import type { TDiscrepancy, TPlanSummary, TSortie } from '../execution.schemas.js';
import type { DiscrepancyRow, ResolutionRow } from './execution.store.js';
import type { PlanRow, SortieRow } from './plans.store.js';

/** Stored rows as the API shows them; markings as portion-mark text. */

export async function markingsOf(db: Db, ids: readonly number[]): Promise<(id: number) => string> {
  const texts = await markingTexts(db, ids);
  return (id) => texts.get(id) ?? 'U';
}

/** The banner of several markings (the highest level, the common REL TO, every caveat); `U` for none. */
export async function bannerOfIds(db: Db, ids: readonly number[]): Promise<string> {
  const texts = await markingTexts(db, ids);
  return formatMarking(bannerOf([...texts.values()].map((t) => parseMarking(t))));
}

export function presentPlan(row: Omit<PlanRow, 'document'>, marking: string): TPlanSummary {
  return {
    id: row.id, name: row.name, status: row.status as TPlanSummary['status'], detainees: row.detainees, sorties: row.sorties,
    expectedLoss: row.expected_loss, completionHours: row.completion_hours, flightHours: row.flight_hours, boundLoss: row.bound_loss,
    boundCompletionHours: row.bound_completion, gap: row.gap, parentId: row.parent_id, createdBy: row.created_by, createdAt: row.created_at,
    approvedBy: row.approved_by, approvedAt: row.approved_at, marking,
  };
}

export function presentSortie(row: SortieRow, extra: { manifested: number; open: number; marking: string }): TSortie {
  return {
    id: row.id, planId: row.plan_id, label: row.label, aircraft: row.aircraft, from: row.from_node, to: row.to_node, depart: row.depart, arrive: row.arrive,
    status: row.status as TSortie['status'], statusAt: row.status_at, manifested: extra.manifested, openDiscrepancies: extra.open, marking: extra.marking,
  };
}

export function presentDiscrepancy(row: DiscrepancyRow, resolution: ResolutionRow | undefined, marking: string): TDiscrepancy {
  return {
    id: row.id, sortie: row.sortie_id, kind: row.kind as TDiscrepancy['kind'], isn: row.isn, scan: row.scan_id, detail: row.detail, raisedAt: row.raised_at,
    status: row.status as TDiscrepancy['status'],
    resolution: resolution
      ? { action: resolution.action as 'accept' | 'void' | 'place', place: resolution.place, note: resolution.note, by: resolution.resolved_by, at: resolution.resolved_at }
      : null,
    marking,
  };
}
