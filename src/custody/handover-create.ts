import { DomainError, conflict, newId } from '../kernel/index.js';
import { findAgencyByCode, requirePermission, withDb } from '../access/index.js';
import { custodySubject, findPlace } from '../registry/index.js';
import { inTransaction } from '../store/index.js';
import type { CustodyCtx } from './context.js';
import { agencySigner } from './custody-keys.js';
import { CustodyErrors } from './custody.errors.js';
import { ZCreateHandoverRequest, type TCreateHandoverRequest, type THandover } from './custody.schemas.js';
import { signEvent } from './event-sign.js';
import { ZHandoverEvent } from './events.schemas.js';
import { actingAgency, notYourAgency, presentHandover } from './handover-common.js';
import { insertHandover, pendingOf } from './handover.store.js';
import { currentCustody, escortOf } from './history.js';
import { currentKey } from './keys.store.js';

/**
 * Proposes a handover: the releasing agency (the caller's, which must hold the detainee) signs it, and it
 * waits, pending, for the receiving agency's signature. Nothing changes in the registry or the log until
 * then. Requires `custody:sign`.
 * @throws DomainError NOT_FOUND (detainee unseen), CUSTODY_NOT_YOUR_AGENCY, CUSTODY_NOT_IN_CUSTODY,
 *   CUSTODY_HANDOVER_PENDING, CUSTODY_UNKNOWN_AGENCY, CUSTODY_UNKNOWN_PLACE, CUSTODY_NO_KEY.
 */
export async function createHandover(cx: CustodyCtx, raw: TCreateHandoverRequest): Promise<THandover> {
  requirePermission(cx.principal, 'custody:sign');
  const me = actingAgency(cx.principal);
  const input = ZCreateHandoverRequest.parse(raw);
  return inTransaction(cx.db, async (trx) => {
    const tx = { ...withDb(cx, trx), keyring: cx.keyring };
    const detainee = await custodySubject(tx, input.detainee);
    const state = await currentCustody(trx, detainee.id);
    if (!state) throw conflict(CustodyErrors.CUSTODY_NOT_IN_CUSTODY, `detainee ${detainee.isn} is in no one's custody`, { field: 'detainee', reason: 'not in custody' });
    if (state.agency !== me.code) throw notYourAgency(`detainee ${detainee.isn} is held by ${state.agency}, not ${me.code}`);
    if ((await pendingOf(trx, detainee.id)).length > 0) throw conflict(CustodyErrors.CUSTODY_HANDOVER_PENDING, `detainee ${detainee.isn} already has a pending handover`, { field: 'detainee', reason: 'pending handover' });
    const to = await findAgencyByCode(trx, input.to.agency);
    if (!to) throw new DomainError('invalid', CustodyErrors.CUSTODY_UNKNOWN_AGENCY, `to.agency: no agency with code ${input.to.agency}`, { field: 'to.agency', reason: 'unknown agency code' });
    if (to.id === me.id) throw new DomainError('invalid', CustodyErrors.CUSTODY_NOT_IN_CUSTODY, 'to.agency: a handover goes to another agency', { field: 'to.agency', reason: 'same agency' });
    if (!(await findPlace(tx, input.to.place))) throw new DomainError('invalid', CustodyErrors.CUSTODY_UNKNOWN_PLACE, `to.place: no facility or aircraft ${input.to.place}`, { field: 'to.place', reason: 'unknown place' });
    const toKey = await currentKey(trx, to.id);
    if (!toKey) throw conflict(CustodyErrors.CUSTODY_NO_KEY, `agency ${to.code} has no signing key yet`, { field: 'to.agency', reason: 'no key' });
    const signer = await agencySigner(tx, trx, me);
    const unsigned = {
      type: 'handover' as const, id: newId(cx.clock.now().getTime()), detainee: detainee.isn, time: input.time ?? cx.clock.now().toISOString(),
      from: { agency: me.code, key: signer.name, place: state.place }, to: { agency: to.code, key: toKey.name, place: input.to.place },
      condition: input.condition, ...(input.biometric ? { biometric: input.biometric } : {}), witnesses: input.witnesses,
      escort: input.escort ?? escortOf(detainee),
    };
    const event = ZHandoverEvent.parse({ ...unsigned, signatures: [signEvent(unsigned, signer)] });
    const now = cx.clock.now().toISOString();
    const row = {
      id: event.id, detainee_id: detainee.id, from_agency_id: me.id, to_agency_id: to.id, status: 'pending', event: JSON.stringify(event),
      created_at: now, created_by: cx.principal.username, closed_at: null, closed_by: null, log_index: null,
    };
    await insertHandover(trx, row);
    await cx.audit.record(trx, { action: 'custody.handover.create', subjectType: 'detainee', subjectId: detainee.id, details: { handover: event.id, to: to.code } });
    return presentHandover(row);
  });
}
