import { requirePermission, scopeFor, type Ctx } from '../../access/index.js';
import { isDomainError, notFound } from '../../kernel/index.js';
import type { Db } from '../../store/index.js';
import {
  SORTIE_STATUSES, type TDiscrepancy, type TReconciliation, type TScanRequest, type TSortieDetail, type TSortieStatus, type TSyncResult,
} from '../execution.schemas.js';
import { placesOf, placeText, Tally, type Effect, type Place } from './engine.js';
import { discrepanciesOf, effectsOfOperation, openCount, resolutionsOf, scansOfSortie } from './execution.store.js';
import { manifestOf, operationSorties, planDetainees, planSummaryRow, sortieRow } from './plans.store.js';
import { bannerOfIds, markingsOf, presentDiscrepancy, presentSortie } from './present.js';
import { recordScan } from './record-scan.js';
import type { ExecCtx } from './custody-seam.js';

/** Everyone's place in an operation, as the caller may see it, from the plan's detainees and every effect. */
export async function operationPlaces(db: Db, scope: { markingIds: number[] }, planId: string, operationId: string): Promise<{ places: Map<string, Place>; effects: Effect[] }> {
  const home = new Map<string, Place>((await planDetainees(db, scope, planId)).map((d) => [d.isn, { kind: 'site', at: d.site }]));
  const rows = await effectsOfOperation(db, scope, operationId);
  const effects = rows.map((r) => ({ seq: Number(r.seq), isn: r.isn, place: { kind: r.place_kind as Place['kind'], at: r.place_at } }));
  return { places: placesOf(home, effects), effects };
}

/**
 * Where everyone of a plan's operation is: counts by kind of place (site, aircraft, staging, destination)
 * and by place, which always sum to the people tracked (the plan's detainees and anyone unmanifested a scan
 * placed), with open discrepancies and sorties by status. Limited to what the caller may see. Requires
 * `airlift:read`.
 * @throws DomainError NOT_FOUND.
 */
export async function reconcile(ctx: Ctx, planId: string): Promise<TReconciliation> {
  requirePermission(ctx.principal, 'airlift:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const plan = await planSummaryRow(ctx.db, scope, planId);
  if (!plan) throw notFound('plan', planId);
  const { places } = await operationPlaces(ctx.db, scope, planId, plan.operation_id);
  const tally = new Tally(places.values());
  const sorties = (await operationSorties(ctx.db, scope, plan.operation_id)).filter((s) => s.plan_id === planId);
  const byStatus = Object.fromEntries(SORTIE_STATUSES.map((s) => [s, 0])) as Record<TSortieStatus, number>;
  for (const s of sorties) byStatus[s.status as TSortieStatus] += 1;
  const open = await discrepanciesOf(ctx.db, scope, { operation: plan.operation_id, status: 'open' });
  return {
    planId, ...tally.summary(), openDiscrepancies: open.length, sorties: byStatus, asOf: ctx.clock.now().toISOString(),
    marking: await bannerOfIds(ctx.db, [plan.marking_id, ...open.map((d) => d.marking_id)]),
  };
}

/** A sortie with its manifest (who has boarded, who has arrived, where each is) and its discrepancies. Requires `airlift:read`. */
export async function showSortie(ctx: Ctx, id: string): Promise<TSortieDetail> {
  requirePermission(ctx.principal, 'airlift:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const sortie = await sortieRow(ctx.db, scope, id);
  if (!sortie) throw notFound('sortie', id);
  const { places } = await operationPlaces(ctx.db, scope, sortie.plan_id, sortie.operation_id);
  const scans = await scansOfSortie(ctx.db, id);
  const boarded = new Set(scans.filter((s) => s.kind === 'board' && s.applied === 1).map((s) => s.isn));
  const arrived = new Set(scans.filter((s) => s.kind === 'arrive' && s.applied === 1).map((s) => s.isn));
  const tiers = new Map((await planDetainees(ctx.db, scope, sortie.plan_id)).map((d) => [d.isn, d]));
  const manifest = (await manifestOf(ctx.db, id)).filter((m) => m.marking_id !== undefined && scope.markingIds.includes(m.marking_id)).map((m) => {
    const d = tiers.get(m.isn);
    const p = places.get(m.isn);
    return {
      isn: m.isn, board: m.board_node, alight: m.alight_node, tier: d?.tier ?? null, medical: d?.medical === 1, amended: m.amended === 1,
      boarded: boarded.has(m.isn), arrived: arrived.has(m.isn), place: p ? placeText(p) : 'unknown',
    };
  });
  const discrepancies = await listDiscrepancies(ctx, { sortie: id });
  const mark = await markingsOf(ctx.db, [sortie.marking_id]);
  return {
    ...presentSortie(sortie, { manifested: manifest.length, open: await openCount(ctx.db, { sortie: id }), marking: mark(sortie.marking_id) }),
    manifest, discrepancies,
  };
}

/** Discrepancies of a sortie or an operation, open or all. Requires `airlift:read`. */
export async function listDiscrepancies(ctx: Ctx, filter: { sortie?: string; plan?: string; status?: 'open' | 'resolved' }): Promise<TDiscrepancy[]> {
  requirePermission(ctx.principal, 'airlift:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  let operation: string | undefined;
  if (filter.plan) {
    const plan = await planSummaryRow(ctx.db, scope, filter.plan);
    if (!plan) throw notFound('plan', filter.plan);
    operation = plan.operation_id;
  }
  const rows = await discrepanciesOf(ctx.db, scope, { ...(filter.sortie ? { sortie: filter.sortie } : {}), ...(operation ? { operation } : {}), ...(filter.status ? { status: filter.status } : {}) });
  const res = await resolutionsOf(ctx.db, rows.map((r) => r.id));
  const mark = await markingsOf(ctx.db, rows.map((r) => r.marking_id));
  return rows.map((r) => presentDiscrepancy(r, res.get(r.id), mark(r.marking_id)));
}

/**
 * Syncs a scanner's queue: each scan recorded in its own transaction (one refused scan does not hold the
 * others back), in the order sent; a scan already stored answers `replayed`. Requires `airlift:execute`.
 */
export async function syncScans(cx: ExecCtx, scans: readonly TScanRequest[]): Promise<TSyncResult> {
  const results: TSyncResult['results'] = [];
  for (const s of scans) {
    try {
      results.push(await recordScan(cx, s));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      results.push({ id: s.id, error: e.message, code: e.code });
    }
  }
  return { results };
}
