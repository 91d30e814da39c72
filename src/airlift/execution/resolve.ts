import { requirePermission, scopeFor, type Ctx } from '../../access/index.js';
import { conflict, DomainError, newId, notFound } from '../../kernel/index.js';
import { inTransaction, type Db } from '../../store/index.js';
import { AirliftExecutionErrors } from '../airlift.errors.js';
import { ZResolveRequest, type TDiscrepancy, type TResolveRequest } from '../execution.schemas.js';
import { bannerId } from './banner.js';
import type { Place } from './engine.js';
import { discrepancyRow, insertResolution, insertScan, resolutionsOf, resolveRow, scanById, type DiscrepancyRow } from './execution.store.js';
import { addManifestEntry, planNodes, setSortieMarking, sortieRow, visibleDetainees, type SortieRow } from './plans.store.js';
import { markingsOf, presentDiscrepancy } from './present.js';
import { placeKindOfNode, type NodeKinds } from './record-scan.js';

function refuse(reason: string): DomainError {
  return new DomainError('invalid', AirliftExecutionErrors.AIRLIFT_RESOLUTION_INVALID, `action: ${reason}`, { field: 'action', reason });
}

/** The place a resolution names: a node of the plan, or `sortie:<id>` for aboard a sortie of the operation. */
async function placeNamed(db: Db, scope: { markingIds: number[] }, sortie: SortieRow, text: string): Promise<Place> {
  if (text.startsWith('sortie:')) {
    const other = await sortieRow(db, scope, text.slice('sortie:'.length));
    if (!other || other.operation_id !== sortie.operation_id) throw new DomainError('invalid', AirliftExecutionErrors.AIRLIFT_RESOLUTION_INVALID, `place: no sortie ${text.slice(7)} in this operation`, { field: 'place', reason: 'unknown sortie' });
    return { kind: 'aircraft', at: other.id };
  }
  const nodes: NodeKinds = await planNodes(db, sortie.plan_id);
  const kind = placeKindOfNode(nodes[text]?.kind);
  if (!kind) throw new DomainError('invalid', AirliftExecutionErrors.AIRLIFT_RESOLUTION_INVALID, `place: ${text} is not a site, staging or destination node of the plan`, { field: 'place', reason: 'unknown place' });
  return { kind, at: text };
}

async function correct(cx: Ctx, db: Db, d: DiscrepancyRow, place: Place): Promise<void> {
  await insertScan(db, {
    id: newId(cx.clock.now().getTime()), operation_id: d.operation_id, sortie_id: d.sortie_id, kind: 'place', isn: d.isn, node: place.kind === 'aircraft' ? null : place.at,
    place_kind: place.kind, place_at: place.at, code: d.isn, scanned_at: cx.clock.now().toISOString(), received_at: cx.clock.now().toISOString(), device: 'server',
    source: 'resolution', applied: 1, discrepancy: null, custody: null, recorded_by: cx.principal.username, marking_id: d.marking_id,
  });
}

/**
 * A person settles a discrepancy, with a note: `accept` the scan as the truth (a wrong-sortie or
 * unmanifested person is added to the sortie's manifest; a held conflicting scan takes effect), `void` the
 * scan as an error (the person's place is recomputed without it), or `place` the person where they were
 * found (required for someone missing at arrival). The resolution is stored (append-only) and audited.
 * Requires `airlift:execute`.
 * @throws DomainError NOT_FOUND, AIRLIFT_DISCREPANCY_RESOLVED, AIRLIFT_RESOLUTION_INVALID.
 */
export async function resolveDiscrepancy(cx: Ctx, id: string, raw: TResolveRequest): Promise<TDiscrepancy> {
  requirePermission(cx.principal, 'airlift:execute');
  const input = ZResolveRequest.parse(raw);
  return inTransaction(cx.db, async (trx) => {
    const scope = await scopeFor(trx, cx.principal);
    const d = await discrepancyRow(trx, scope, id);
    if (!d) throw notFound('discrepancy', id);
    if (d.status !== 'open') throw conflict(AirliftExecutionErrors.AIRLIFT_DISCREPANCY_RESOLVED, `discrepancy ${id} is already resolved`, { reason: 'resolved' });
    const sortie = await sortieRow(trx, scope, d.sortie_id);
    if (!sortie) throw notFound('discrepancy', id);
    const scan = d.scan_id ? await scanById(trx, d.scan_id) : undefined;
    let place: string | null = null;
    if (d.kind === 'missing-at-arrival' && input.action !== 'place') throw refuse('a person missing at arrival is settled by placing them where they were found');
    if (input.action === 'place') {
      if (!input.place) throw new DomainError('invalid', AirliftExecutionErrors.AIRLIFT_RESOLUTION_INVALID, 'place: required with action place', { field: 'place', reason: 'required' });
      const p = await placeNamed(trx, scope, sortie, input.place);
      await correct(cx, trx, d, p);
      place = input.place;
    } else if (input.action === 'void') {
      if (!scan) throw refuse('this discrepancy has no scan to void');
    } else if (d.kind === 'wrong-sortie' || d.kind === 'unmanifested') {
      const node = scan?.node ?? sortie.from_node;
      const [board, alight] = scan?.kind === 'arrive' ? [sortie.from_node, node] : [node, sortie.to_node];
      // The added person keeps their own marking, and the sortie's banner rises to cover them.
      const own = (await visibleDetainees(trx, scope, [d.isn])).get(d.isn)?.markingId ?? sortie.marking_id;
      await addManifestEntry(trx, { sortie_id: sortie.id, isn: d.isn, board_node: board, alight_node: alight, amended: 1, created_at: cx.clock.now().toISOString(), marking_id: own });
      if (own !== sortie.marking_id) await setSortieMarking(trx, sortie.id, await bannerId(trx, [sortie.marking_id, own], cx.principal.country));
    } else if (d.kind === 'conflict' && scan && scan.applied === 0) {
      await correct(cx, trx, d, { kind: scan.place_kind as Place['kind'], at: scan.place_at });
    }
    const now = cx.clock.now().toISOString();
    if (!(await resolveRow(trx, id, now))) throw conflict(AirliftExecutionErrors.AIRLIFT_DISCREPANCY_RESOLVED, `discrepancy ${id} was resolved meanwhile`, { reason: 'resolved' });
    await insertResolution(trx, {
      id: newId(cx.clock.now().getTime()), discrepancy_id: id, action: input.action, voids_scan_id: input.action === 'void' ? (scan?.id ?? null) : null,
      place, note: input.note, resolved_by: cx.principal.username, resolved_at: now, marking_id: d.marking_id,
    });
    await cx.audit.record(trx, { action: 'airlift.discrepancy.resolve', subjectType: 'airlift-sortie', subjectId: sortie.id, details: { discrepancy: id, kind: d.kind, action: input.action, place } });
    const mark = await markingsOf(trx, [d.marking_id]);
    const res = await resolutionsOf(trx, [id]);
    return presentDiscrepancy({ ...d, status: 'resolved', resolved_at: now }, res.get(id), mark(d.marking_id));
  });
}
