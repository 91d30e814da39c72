import { conflict, DomainError, newId } from '../kernel/index.js';
import { requirePermission, withDb, type Ctx } from '../access/index.js';
import { custodySubject, findPlace, recordCustodyChange } from '../registry/index.js';
import { inTransaction } from '../store/index.js';
import { applyEvent, placeAfter } from './chain.js';
import type { CustodyCtx } from './context.js';
import { agencySigner } from './custody-keys.js';
import { CustodyErrors } from './custody.errors.js';
import { ZRecordEventRequest, type TLogEntry, type TRecordEventRequest } from './custody.schemas.js';
import { signEvent } from './event-sign.js';
import { ZCustodyEvent } from './events.schemas.js';
import { actingAgency, notYourAgency } from './handover-common.js';
import { currentCustody } from './history.js';
import { appendEvents } from './log.js';
import { registryChangeOf } from './registry-change.js';

const PLACE_FIELDS = ['at', 'aircraft', 'fromAircraft', 'toAircraft', 'destination'] as const;

async function checkPlaces(ctx: Ctx, fields: Record<string, unknown>): Promise<void> {
  for (const f of PLACE_FIELDS) {
    const code = fields[f];
    if (typeof code === 'string' && !(await findPlace(ctx, code))) {
      throw new DomainError('invalid', CustodyErrors.CUSTODY_UNKNOWN_PLACE, `${f}: no facility or aircraft ${code}`, { field: f, reason: 'unknown place' });
    }
  }
}

/**
 * Records a custody event other than a handover, signed by the caller's agency, which must hold the
 * detainee (or, for an intake, take them into custody): boards or leaves an aircraft, a change of aircraft,
 * lodging at staging, a redirect, arrival at the gate, admission to reception, a medical event, use of
 * force, serious injury, escape, death in custody, release, repatriation or an updated escort record. It is
 * appended to the log and the registry follows (place, status) in the same transaction. Requires
 * `custody:sign`.
 * @throws DomainError NOT_FOUND, CUSTODY_NOT_YOUR_AGENCY, CUSTODY_NOT_IN_CUSTODY, CUSTODY_UNKNOWN_PLACE,
 *   CUSTODY_NO_KEY.
 */
export async function recordEvent(cx: CustodyCtx, raw: TRecordEventRequest): Promise<TLogEntry> {
  requirePermission(cx.principal, 'custody:sign');
  const me = actingAgency(cx.principal);
  const { detainee: isn, time, place, ...fields } = ZRecordEventRequest.parse(raw);
  return inTransaction(cx.db, async (trx) => {
    const tx: CustodyCtx = { ...withDb(cx, trx), keyring: cx.keyring };
    const detainee = await custodySubject(tx, isn);
    const state = await currentCustody(trx, detainee.id);
    if (state && state.agency !== me.code) throw notYourAgency(`detainee ${detainee.isn} is held by ${state.agency}, not ${me.code}`);
    await checkPlaces(tx, fields);
    const signer = await agencySigner(tx, trx, me);
    const draft = { ...fields, id: newId(cx.clock.now().getTime()), detainee: detainee.isn, time: time ?? cx.clock.now().toISOString() };
    const after = place ?? placeAfter(fields) ?? state?.place;
    if (!after) throw new DomainError('invalid', CustodyErrors.CUSTODY_UNKNOWN_PLACE, 'place: where is the detainee taken into custody?', { field: 'place', reason: 'required' });
    if (place && !(await findPlace(tx, place))) throw new DomainError('invalid', CustodyErrors.CUSTODY_UNKNOWN_PLACE, `place: no facility or aircraft ${place}`, { field: 'place', reason: 'unknown place' });
    const unsigned = { ...draft, custodian: { agency: me.code, key: signer.name, place: after } };
    const event = ZCustodyEvent.parse({ ...unsigned, signatures: [signEvent(unsigned, signer)] });
    const next = applyEvent(state, event);
    if ('fault' in next) throw conflict(CustodyErrors.CUSTODY_NOT_IN_CUSTODY, `${event.type}: ${next.fault}`, { reason: next.fault });
    const appended = await appendEvents(tx, trx, [{ event, detaineeId: detainee.id }]);
    const change = registryChangeOf(event, detainee.id);
    if (change) await recordCustodyChange(tx, change);
    await cx.audit.record(trx, { action: 'custody.event.record', subjectType: 'detainee', subjectId: detainee.id, details: { type: event.type, index: appended.first } });
    return { index: appended.first, event };
  });
}
