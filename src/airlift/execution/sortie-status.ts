import { requirePermission, scopeFor, type Ctx } from '../../access/index.js';
import { conflict, newId, notFound } from '../../kernel/index.js';
import { inTransaction, type Db } from '../../store/index.js';
import { AirliftExecutionErrors } from '../airlift.errors.js';
import { SORTIE_TRANSITIONS, ZSortieStatusRequest, type TSortie, type TSortieStatus, type TSortieStatusRequest } from '../execution.schemas.js';
import { samePlace } from './engine.js';
import { hasOpen, insertDiscrepancy, insertScan, openCount, scansOfSortie } from './execution.store.js';
import { bannerId } from './banner.js';
import { manifestCounts, manifestOf, planDetainee, planNodes, sortieRow, updateSortie, visibleDetainees, type SortieRow } from './plans.store.js';
import { markingsOf, presentSortie } from './present.js';
import { placeKindOfNode, placeNow, type NodeKinds } from './record-scan.js';

/** A status change's answer: the sortie as it is now, and what blocks a close that did not happen. */
export interface SortieStatusResult {
  sortie: TSortie;
  blockers: string[];
}

/** The people recorded aboard a sortie now (everyone ever scanned on it whose place is still its aircraft). */
async function aboard(db: Db, sortie: SortieRow): Promise<string[]> {
  const isns = [...new Set((await scansOfSortie(db, sortie.id)).map((s) => s.isn))].sort();
  const out: string[] = [];
  for (const isn of isns) {
    const home = await planDetainee(db, sortie.plan_id, isn);
    if (samePlace(await placeNow(db, sortie.operation_id, isn, home?.site), { kind: 'aircraft', at: sortie.id })) out.push(isn);
  }
  return out;
}

/** A cancelled sortie's passengers go back to where they boarded, each as a recorded correction. */
async function offload(cx: Ctx, sortie: SortieRow, isns: readonly string[], at: string): Promise<void> {
  const db = cx.db;
  const nodes: NodeKinds = await planNodes(db, sortie.plan_id);
  const manifest = new Map((await manifestOf(db, sortie.id)).map((m) => [m.isn, m]));
  for (const isn of isns) {
    const node = manifest.get(isn)?.board_node ?? sortie.from_node;
    await insertScan(db, {
      id: newId(cx.clock.now().getTime()), operation_id: sortie.operation_id, sortie_id: sortie.id, kind: 'place', isn, node, place_kind: placeKindOfNode(nodes[node]?.kind) ?? 'site',
      place_at: node, code: isn, scanned_at: at, received_at: cx.clock.now().toISOString(), device: 'server', source: 'cancel', applied: 1, discrepancy: null,
      custody: null, recorded_by: cx.principal.username, marking_id: sortie.marking_id,
    });
  }
}

/** Raises `missing-at-arrival` for everyone still aboard a landed sortie (once per person while open). */
async function raiseMissing(cx: Ctx, db: Db, sortie: SortieRow, isns: readonly string[]): Promise<void> {
  const now = cx.clock.now().toISOString();
  for (const isn of isns) {
    if (await hasOpen(db, sortie.id, isn, 'missing-at-arrival')) continue;
    const own = (await visibleDetainees(db, await scopeFor(db, cx.principal), [isn])).get(isn)?.markingId;
    const marking = own === undefined ? sortie.marking_id : await bannerId(db, [sortie.marking_id, own], cx.principal.country);
    await insertDiscrepancy(db, {
      id: newId(cx.clock.now().getTime()), operation_id: sortie.operation_id, sortie_id: sortie.id, kind: 'missing-at-arrival', isn, scan_id: null,
      detail: `boarded sortie ${sortie.label} but not scanned on arrival`, raised_at: now, status: 'open', resolved_at: null, marking_id: marking,
    });
  }
}

/**
 * Moves a sortie along planned → boarding → airborne → landed → closed (or to cancelled before it flies).
 * Closing checks that nobody is still recorded aboard and that no discrepancy is open: anyone aboard is
 * raised as `missing-at-arrival` (stored, so the board shows it) and the sortie stays landed, with the
 * blockers in the answer. Cancelling returns anyone aboard to where they boarded. Requires
 * `airlift:execute`; audited.
 * @throws DomainError NOT_FOUND, AIRLIFT_SORTIE_TRANSITION (a status that does not follow, or a concurrent change).
 */
export async function setSortieStatus(cx: Ctx, id: string, raw: TSortieStatusRequest): Promise<SortieStatusResult> {
  requirePermission(cx.principal, 'airlift:execute');
  const input = ZSortieStatusRequest.parse(raw);
  return inTransaction(cx.db, async (trx) => {
    const scope = await scopeFor(trx, cx.principal);
    const sortie = await sortieRow(trx, scope, id);
    if (!sortie) throw notFound('sortie', id);
    const from = sortie.status as TSortieStatus;
    if (!SORTIE_TRANSITIONS[from].includes(input.status)) {
      throw conflict(AirliftExecutionErrors.AIRLIFT_SORTIE_TRANSITION, `status: a ${from} sortie cannot become ${input.status} (next: ${SORTIE_TRANSITIONS[from].join(', ') || 'none'})`, { field: 'status', reason: `not after ${from}` });
    }
    const at = input.at ?? cx.clock.now().toISOString();
    const blockers: string[] = [];
    let next = input.status;
    if (input.status === 'closed') {
      const still = await aboard(trx, sortie);
      await raiseMissing(cx, trx, sortie, still);
      const open = await openCount(trx, { sortie: sortie.id });
      if (still.length > 0) blockers.push(`${still.length} still recorded aboard: ${still.slice(0, 10).join(', ')}`);
      if (open > 0) blockers.push(`${open} open discrepancies`);
      if (blockers.length > 0) next = from;
    }
    if (input.status === 'cancelled') await offload({ ...cx, db: trx }, sortie, await aboard(trx, sortie), at);
    if (next !== from && !(await updateSortie(trx, sortie.id, sortie.version, { status: next, status_at: at }))) {
      throw conflict(AirliftExecutionErrors.AIRLIFT_SORTIE_TRANSITION, `sortie ${id} changed meanwhile; reload and retry`, { field: 'status', reason: 'concurrent change' });
    }
    await cx.audit.record(trx, {
      action: 'airlift.sortie.status', subjectType: 'airlift-sortie', subjectId: id, outcome: blockers.length > 0 ? 'denied' : 'ok',
      details: { from, to: input.status, blockers },
    });
    const counts = await manifestCounts(trx, sortie.plan_id);
    const mark = await markingsOf(trx, [sortie.marking_id]);
    const updated = { ...sortie, status: next, status_at: next !== from ? at : sortie.status_at };
    return { sortie: presentSortie(updated, { manifested: counts.get(id) ?? 0, open: await openCount(trx, { sortie: id }), marking: mark(sortie.marking_id) }), blockers };
  });
}
