import { conflict, DomainError, notFound } from '../kernel/index.js';
import { requirePermission, withDb } from '../access/index.js';
import { custodySubject, recordCustodyChange } from '../registry/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { applyEvent } from './chain.js';
import type { CustodyCtx } from './context.js';
import { signerOfRow, verifierKeys } from './custody-keys.js';
import { CustodyErrors } from './custody.errors.js';
import type { THandover } from './custody.schemas.js';
import { signatureFault, signEvent } from './event-sign.js';
import { actingAgency, eventOfHandover, notYourAgency, presentHandover } from './handover-common.js';
import { closeHandover, handoverById, type HandoverRow } from './handover.store.js';
import { currentCustody } from './history.js';
import { keyByName } from './keys.store.js';
import { appendEvents } from './log.js';
import { registryChangeOf } from './registry-change.js';

/** A handover the caller may see (its detainee is in their scope), still pending. */
async function pendingHandover(cx: CustodyCtx, db: Db, id: string): Promise<HandoverRow> {
  const row = await handoverById(db, id);
  if (!row) throw notFound('handover', id);
  await custodySubject(withDb(cx, db), row.detainee_id).catch(() => {
    throw notFound('handover', id);
  });
  if (row.status !== 'pending') throw conflict(CustodyErrors.CUSTODY_HANDOVER_CLOSED, `handover ${id} is already ${row.status}`, { reason: row.status });
  return row;
}

/**
 * Completes a pending handover: the receiving agency (the caller's) signs it, it is appended to the log, and
 * the detainee's custodian, place and status change in the registry, all in one transaction. Requires
 * `custody:sign`.
 * @throws DomainError NOT_FOUND, CUSTODY_NOT_YOUR_AGENCY, CUSTODY_HANDOVER_CLOSED, CUSTODY_NOT_IN_CUSTODY (custody
 *   moved on since it was proposed), CUSTODY_SIGNATURE_INVALID, CUSTODY_KEY_UNAVAILABLE.
 * @example
 *   const done = await signHandover(custodyCtx(ctx, keyring), pending.id); // done.logIndex: its place in the log
 */
export async function signHandover(cx: CustodyCtx, id: string): Promise<THandover> {
  requirePermission(cx.principal, 'custody:sign');
  const me = actingAgency(cx.principal);
  return inTransaction(cx.db, async (trx) => {
    const tx: CustodyCtx = { ...withDb(cx, trx), keyring: cx.keyring };
    const row = await pendingHandover(tx, trx, id);
    if (row.to_agency_id !== me.id) throw notYourAgency(`handover ${id} is addressed to another agency`);
    const proposed = eventOfHandover(row);
    const next = applyEvent(await currentCustody(trx, row.detainee_id), proposed);
    if ('fault' in next) throw conflict(CustodyErrors.CUSTODY_NOT_IN_CUSTODY, `custody moved on since the handover was proposed: ${next.fault}`, { reason: next.fault });
    const keyRow = await keyByName(trx, proposed.to.key);
    if (!keyRow) throw conflict(CustodyErrors.CUSTODY_NO_KEY, `key ${proposed.to.key} is not published`, { reason: 'no key' });
    const signer = await signerOfRow(tx, keyRow);
    const event = { ...proposed, signatures: [...proposed.signatures.filter((s) => s.key !== signer.name), signEvent(proposed, signer)] };
    const fault = signatureFault(event, await verifierKeys(trx));
    if (fault) throw new DomainError('invalid', CustodyErrors.CUSTODY_SIGNATURE_INVALID, `handover ${id}: ${fault}`, { reason: fault });
    const appended = await appendEvents(tx, trx, [{ event, detaineeId: row.detainee_id }]);
    const change = registryChangeOf(event, row.detainee_id);
    if (change) await recordCustodyChange(tx, change);
    const closed = { status: 'completed', event: JSON.stringify(event), closed_at: cx.clock.now().toISOString(), closed_by: cx.principal.username, log_index: appended.first };
    if (!(await closeHandover(trx, id, closed))) throw conflict(CustodyErrors.CUSTODY_HANDOVER_CLOSED, `handover ${id} was closed meanwhile`, { reason: 'closed' });
    await cx.audit.record(trx, { action: 'custody.handover.sign', subjectType: 'detainee', subjectId: row.detainee_id, details: { handover: id, index: appended.first } });
    return presentHandover({ ...row, ...closed });
  });
}

/**
 * Withdraws (releasing agency) or refuses (receiving agency) a pending handover; nothing is logged. Requires
 * `custody:sign`. @throws DomainError NOT_FOUND, CUSTODY_NOT_YOUR_AGENCY, CUSTODY_HANDOVER_CLOSED.
 */
export async function cancelHandover(cx: CustodyCtx, id: string): Promise<THandover> {
  requirePermission(cx.principal, 'custody:sign');
  const me = actingAgency(cx.principal);
  return inTransaction(cx.db, async (trx) => {
    const row = await pendingHandover(cx, trx, id);
    if (row.from_agency_id !== me.id && row.to_agency_id !== me.id) throw notYourAgency(`handover ${id} is between two other agencies`);
    const closed = { status: 'cancelled', event: row.event, closed_at: cx.clock.now().toISOString(), closed_by: cx.principal.username, log_index: null };
    if (!(await closeHandover(trx, id, closed))) throw conflict(CustodyErrors.CUSTODY_HANDOVER_CLOSED, `handover ${id} was closed meanwhile`, { reason: 'closed' });
    await cx.audit.record(trx, { action: 'custody.handover.cancel', subjectType: 'detainee', subjectId: row.detainee_id, details: { handover: id } });
    return presentHandover({ ...row, ...closed });
  });
}
