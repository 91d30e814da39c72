import { requirePermission, scopeFor } from '../../access/index.js';
import { conflict, DomainError, isIsn, newId, notFound } from '../../kernel/index.js';
import { inTransaction, type Db } from '../../store/index.js';
import { AirliftExecutionErrors } from '../airlift.errors.js';
import { parseWristband, ZScanRequest, type TPlaceKind, type TScanRequest, type TScanResult } from '../execution.schemas.js';
import { custodyOfScan, type CustodyOutcome, type ExecCtx } from './custody-seam.js';
import { judgeScan, type Place } from './engine.js';
import { effectsOfPerson, hasOpen, insertDiscrepancy, insertScan, scanById, type ScanRow } from './execution.store.js';
import { bannerId } from './banner.js';
import { manifestEntry, planDetainee, planNodes, sortieRow, visibleDetainees } from './plans.store.js';
import { markingsOf } from './present.js';

/** A node of a stored plan: its kind decides what place a person there is in. */
export type NodeKinds = Record<string, { kind: string; name: string }>;

/** The place kind of a node where people can be (origin → site); undefined for a refuel point. */
export function placeKindOfNode(kind: string | undefined): TPlaceKind | undefined {
  if (kind === 'origin') return 'site';
  if (kind === 'staging' || kind === 'destination') return kind;
  return undefined;
}

function invalidScan(field: string, reason: string): DomainError {
  return new DomainError('invalid', AirliftExecutionErrors.AIRLIFT_SCAN_INVALID, `${field}: ${reason}`, { field, reason });
}

/** The ISN a scan names: a wristband code with its check character, or (from a paper manifest) a bare ISN. */
function isnOfCode(code: string, source: string): string {
  const w = parseWristband(code);
  if ('isn' in w) return w.isn;
  if (source === 'paper' && isIsn(code.trim().toUpperCase())) return code.trim().toUpperCase();
  throw invalidScan('code', w.error);
}

function resultOf(row: ScanRow, replayed: boolean, marking: string): TScanResult {
  return {
    id: row.id, seq: Number(row.seq), sortie: row.sortie_id ?? '', kind: row.kind as TScanResult['kind'], isn: row.isn, node: row.node ?? '',
    applied: row.applied === 1, discrepancy: row.discrepancy as TScanResult['discrepancy'], custody: row.custody, replayed, marking,
  };
}

/** Where a person is now: their last effect, else their home site in the plan, else nowhere (unknown). */
export async function placeNow(db: Db, operationId: string, isn: string, home: string | undefined): Promise<Place | undefined> {
  const effects = await effectsOfPerson(db, operationId, isn);
  const last = effects[effects.length - 1];
  if (last) return { kind: last.place_kind as TPlaceKind, at: last.place_at };
  return home === undefined ? undefined : { kind: 'site', at: home };
}

/**
 * Records one scan of a wristband at boarding or arrival: judged against the manifest and where the person
 * is (see `judgeScan`), stored (append-only) with any discrepancy it raises, and — when it takes effect and
 * the context has a keyring — signed into the custody log. The scan id comes from the scanner, so a queued
 * scan synced twice is stored once (the second answer says `replayed`); the same id with other content is
 * refused. Scans are accepted whatever the sortie's status (a scanner offline for an hour still syncs).
 * Requires `airlift:execute`; audited.
 * @throws DomainError FORBIDDEN, NOT_FOUND (sortie), AIRLIFT_SCAN_INVALID, AIRLIFT_SCAN_REUSED.
 */
export async function recordScan(cx: ExecCtx, raw: TScanRequest): Promise<TScanResult> {
  requirePermission(cx.principal, 'airlift:execute');
  const input = ZScanRequest.parse(raw);
  return inTransaction(cx.db, async (trx) => {
    const scope = await scopeFor(trx, cx.principal);
    const sortie = await sortieRow(trx, scope, input.sortie);
    if (!sortie) throw notFound('sortie', input.sortie);
    const isn = isnOfCode(input.code, input.source);
    const previous = await scanById(trx, input.id);
    if (previous) {
      if (previous.sortie_id !== sortie.id || previous.kind !== input.kind || previous.isn !== isn) {
        throw conflict(AirliftExecutionErrors.AIRLIFT_SCAN_REUSED, `scan ${input.id} was stored before with other content`, { field: 'id', reason: 'reused for another scan' });
      }
      return resultOf(previous, true, (await markingsOf(trx, [previous.marking_id]))(previous.marking_id));
    }
    const nodes: NodeKinds = await planNodes(trx, sortie.plan_id);
    const entry = await manifestEntry(trx, sortie.id, isn);
    const node = input.node ?? (input.kind === 'board' ? entry?.board_node ?? sortie.from_node : entry?.alight_node ?? sortie.to_node);
    const nodeKind = placeKindOfNode(nodes[node]?.kind);
    if (!nodeKind) throw invalidScan('node', `${node} is not a node of the plan where people board or alight`);
    if (input.kind === 'arrive' && nodeKind === 'site') throw invalidScan('node', `${node} is a site: people arrive at staging or destination nodes`);
    const home = await planDetainee(trx, sortie.plan_id, isn);
    const before = await placeNow(trx, sortie.operation_id, isn, home?.site);
    const j = judgeScan({ kind: input.kind, sortie: sortie.id, node, nodeKind, before, manifested: entry !== undefined, planned: home !== undefined });
    let custody: CustodyOutcome | null = null;
    if (j.applied && cx.keyring) {
      custody = await custodyOfScan({ ...cx, db: trx, keyring: cx.keyring }, { kind: input.kind, isn, node, nodeKind, aircraft: sortie.aircraft, at: input.scannedAt });
    }
    const now = cx.clock.now().toISOString();
    // A scan names its person: it carries the banner of the sortie and of the person's own record.
    const own = (await visibleDetainees(trx, scope, [isn])).get(isn)?.markingId;
    const marking = own === undefined ? sortie.marking_id : await bannerId(trx, [sortie.marking_id, own], cx.principal.country);
    const row = await insertScan(trx, {
      id: input.id, operation_id: sortie.operation_id, sortie_id: sortie.id, kind: input.kind, isn, node, place_kind: j.effect.kind, place_at: j.effect.at,
      code: input.code, scanned_at: input.scannedAt, received_at: now, device: input.device, source: input.source, applied: j.applied ? 1 : 0,
      discrepancy: j.discrepancy?.kind ?? (custody && 'failure' in custody ? 'custody' : null),
      custody: custody === null ? null : 'entry' in custody ? custody.entry : `not signed: ${custody.failure}`, recorded_by: cx.principal.username, marking_id: marking,
    });
    const raise = async (kind: string, detail: string) => insertDiscrepancy(trx, {
      id: newId(cx.clock.now().getTime()), operation_id: sortie.operation_id, sortie_id: sortie.id, kind, isn, scan_id: input.id, detail, raised_at: now,
      status: 'open', resolved_at: null, marking_id: marking,
    });
    // One open wrong-sortie/unmanifested alert per person and sortie: the arrival of someone already flagged at boarding adds nothing.
    const repeat = j.discrepancy && (j.discrepancy.kind === 'wrong-sortie' || j.discrepancy.kind === 'unmanifested') && (await hasOpen(trx, sortie.id, isn, j.discrepancy.kind));
    if (j.discrepancy && !repeat) await raise(j.discrepancy.kind, j.discrepancy.detail);
    if (custody && 'failure' in custody) await raise('custody', custody.failure);
    await cx.audit.record(trx, {
      action: 'airlift.scan', subjectType: 'airlift-sortie', subjectId: sortie.id,
      details: { scan: input.id, kind: input.kind, isn, applied: j.applied, discrepancy: j.discrepancy?.kind ?? null, source: input.source },
    });
    return resultOf(row, false, (await markingsOf(trx, [marking]))(marking));
  });
}
