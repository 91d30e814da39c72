import { DomainError, newId } from '../kernel/index.js';
import { findAgencyByCode, requirePermission, withDb, type Ctx } from '../access/index.js';
import { releaseResidents } from '../camps/index.js';
import { cancelHandover, createHandover, recordEvent, showHandover, signHandover, type CustodyCtx } from '../custody/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { closeMembers, selectMembers, updateBatch, updateMember, type BatchRow, type MemberRow } from './batch.store.js';
import { batchRow, checkConditions, membersOf, showBatch } from './batches.js';
import { countryRecordUnscoped, insertStatusChanges, updateCountry } from './country.store.js';
import { RepatriationErrors } from './repatriation.errors.js';
import {
  BATCH_STATUSES_OF_COUNTRY, ZBatchOutcomeRequest, ZHandOverRequest, type CountryStatus, type TBatch, type TBatchOutcomeRequest, type THandOverRequest,
} from './repatriation.schemas.js';

const CANCELLED_IN_CUSTODY = 'the custody handover was cancelled outside the batch';

/**
 * The handover of a batch, by the parties that hold its members: the detainees' custodian signs a custody
 * handover to the country's receiving agency for each detainee (pending until that agency signs it on
 * receipt, `receiveBatch`), and camp staff release the camp residents with kind `repatriation`. Each step is
 * one transaction through the custody and camps use cases, so the registry, the custody log, the camp
 * population and the batch change together or not at all.
 */

function stateError(id: string, reason: string): DomainError {
  return new DomainError('conflict', RepatriationErrors.REPATRIATION_BATCH_STATE, `batch ${id}: ${reason}`, { field: 'status', reason });
}

/**
 * The batch's status from its members. Someone awaiting receipt: handing over. Someone received: handing over
 * while others are still planned, else handed over (closed; those not handed over stay recorded as such).
 * Nobody received and nobody awaiting: `ifNoneReceived` — back to planned (the members not handed over are
 * planned again, their last outcome kept) or cancelled (closed).
 */
async function settle(ctx: Ctx, db: Db, b: BatchRow, ifNoneReceived: 'planned' | 'cancelled' = 'planned'): Promise<void> {
  const members = await selectMembers(db, [b.id]);
  const count = (state: string) => members.filter((m) => m.state === state).length;
  const [received, awaiting, planned] = [count('handed-over'), count('awaiting-receipt'), count('planned')];
  const now = ctx.clock.now().toISOString();
  const closed = { closed_at: now, closed_by: ctx.principal.username };
  let set: Parameters<typeof updateBatch>[3];
  if (awaiting > 0 || (received > 0 && planned > 0)) set = { status: 'handing-over' };
  else if (received > 0) set = { status: 'handed-over', ...closed };
  else if (ifNoneReceived === 'cancelled') set = { status: 'cancelled', ...closed };
  else {
    set = { status: 'planned' };
    for (const m of members.filter((x) => x.state === 'not-handed-over')) await updateMember(db, b.id, m.position, { state: 'planned' });
  }
  if (!(await updateBatch(db, b.id, b.version, set))) throw stateError(b.id, 'changed meanwhile; read it again');
  if (set.closed_at) await closeMembers(db, b.id);
  if (received > 0 || awaiting > 0) await startRepatriating(ctx, db, b);
}

/**
 * A country that had accepted is repatriating once its first batch is on its way: the status moves with the
 * handover (recorded in the history under the country record's marking).
 */
async function startRepatriating(ctx: Ctx, db: Db, b: BatchRow): Promise<void> {
  const c = await countryRecordUnscoped(db, b.country);
  if (!c || c.status !== 'accepted') return;
  const now = ctx.clock.now().toISOString();
  if (!(await updateCountry(db, c.country, c.version, { status: 'repatriating', conditions: c.conditions, marking_id: c.marking_id, updated_at: now, updated_by: ctx.principal.username }))) return;
  await insertStatusChanges(db, [{ id: newId(ctx.clock.now().getTime()), country: c.country, from_status: 'accepted', to_status: 'repatriating', at: now, by: ctx.principal.username, note: `first handover (batch ${b.id})`, marking_id: c.marking_id }]);
}

/**
 * @throws DomainError REPATRIATION_COUNTRY_NOT_READY when the country's acceptance is no longer in force (checked
 *   whatever the caller's scope, and said without the country's status).
 */
async function requireAccepted(db: Db, b: BatchRow): Promise<readonly string[]> {
  const c = await countryRecordUnscoped(db, b.country);
  if (!c || !BATCH_STATUSES_OF_COUNTRY.includes(c.status as CountryStatus)) {
    throw new DomainError('conflict', RepatriationErrors.REPATRIATION_COUNTRY_NOT_READY, `batch ${b.id}: ${b.country}'s acceptance is no longer in force`, { field: 'country', reason: 'not accepted' });
  }
  return JSON.parse(c.conditions) as string[];
}

/** The members of a part still planned; refuses when there are none. */
function plannedOf(b: BatchRow, members: readonly MemberRow[], part: 'all' | 'detainees' | 'residents'): MemberRow[] {
  const out = members.filter((m) => m.state === 'planned' && (part === 'all' || (part === 'detainees') === (m.kind === 'detainee')));
  if (out.length === 0) throw stateError(b.id, part === 'all' ? 'nobody is left to hand over' : `no ${part} are left to hand over`);
  return out;
}

/**
 * Hands over a batch's planned members (all, or the detainees or the residents only): each detainee through a
 * custody handover signed by the caller's agency (its custodian) to the receiving agency at the batch's place,
 * pending that agency's signature; the camp residents released from each camp with kind `repatriation` to the
 * receiving agency (children with their guardians, under camps' rules). The country's conditions are checked
 * again on today's date (a child may have turned 18 since the batch was planned). The batch moves to handing
 * over (or handed over when nothing is left); a country that had accepted moves to repatriating. Requires
 * `repatriation:handover` and what custody (`custody:sign`, custody of the detainees) and camps (`camps:write`,
 * the fields a release needs) require. One transaction; audited.
 * @throws DomainError NOT_FOUND, REPATRIATION_BATCH_STATE, REPATRIATION_COUNTRY_NOT_READY,
 *   REPATRIATION_CONDITION_UNMET, and the custody and camps errors of the handovers and releases.
 */
export async function handOverBatch(cx: CustodyCtx, id: string, raw: THandOverRequest = {}): Promise<TBatch> {
  requirePermission(cx.principal, 'repatriation:handover');
  const input = ZHandOverRequest.parse(raw);
  await inTransaction(cx.db, async (trx) => {
    const tx: CustodyCtx = { ...withDb(cx, trx), keyring: cx.keyring };
    const b = await batchRow(trx, tx, id);
    if (b.status !== 'planned' && b.status !== 'handing-over') throw stateError(id, `is ${b.status}`);
    const conditions = await requireAccepted(trx, b);
    const todo = plannedOf(b, await selectMembers(trx, [id]), input.part);
    const refs = todo.map((m) => (m.kind === 'detainee' ? { kind: 'detainee' as const, id: m.detainee_id! } : { kind: 'resident' as const, id: m.resident_id! }));
    const now = cx.clock.now().toISOString();
    const facts = await membersOf(tx, { country: b.country, date: now.slice(0, 10), members: refs });
    checkConditions(conditions as Parameters<typeof checkConditions>[0], facts, { assurances: b.assurances });
    for (const [i, m] of todo.entries()) {
      if (m.kind !== 'detainee') continue;
      const h = await createHandover(tx, { detainee: facts[i]!.label, to: { agency: b.receiving_code, place: b.place }, condition: { status: input.condition }, witnesses: [] });
      await updateMember(trx, id, m.position, { state: 'awaiting-receipt', handover_id: h.id });
    }
    const residents = todo.filter((x) => x.kind === 'resident');
    const campOf = new Map(facts.filter((f) => f.kind === 'resident').map((f) => [f.personId, f.camp!]));
    for (const camp of new Set(residents.map((m) => campOf.get(m.resident_id!)!))) {
      const group = residents.filter((m) => campOf.get(m.resident_id!) === camp);
      const r = await releaseResidents(tx, camp, {
        residents: group.map((m) => m.resident_id!), kind: 'repatriation', releasedTo: b.receiving_code, destination: b.place, destinationCountry: b.country,
        ...(b.assurances ? { agreement: b.assurances } : {}), childCustody: input.childCustody, note: `repatriation batch ${id}`,
      });
      for (const m of group) await updateMember(trx, id, m.position, { state: 'handed-over', movement_batch: r.batch, handed_over_at: now });
    }
    await settle(tx, trx, b);
    await cx.audit.record(trx, { action: 'repatriation.batch.handover', subjectType: 'repatriation-batch', subjectId: id, details: { part: input.part, members: facts.map((f) => f.label) } });
  });
  return showBatch(cx, id);
}

/**
 * The receiving agency signs, on receipt, every custody handover of the batch awaiting it (each detainee's
 * custodian and place change with the log entry), then records each detainee's repatriation in the custody log
 * (the registry marks them repatriated); the batch is handed over once every member is.
 * Requires `repatriation:handover` and `custody:sign` as a user of the receiving agency. One transaction; audited.
 * @throws DomainError NOT_FOUND, REPATRIATION_BATCH_STATE (nothing awaits receipt), and custody's errors
 *   (CUSTODY_NOT_YOUR_AGENCY for a user of another agency).
 */
export async function receiveBatch(cx: CustodyCtx, id: string): Promise<TBatch> {
  requirePermission(cx.principal, 'repatriation:handover');
  await inTransaction(cx.db, async (trx) => {
    const tx: CustodyCtx = { ...withDb(cx, trx), keyring: cx.keyring };
    const b = await batchRow(trx, tx, id);
    if (b.status !== 'handing-over') throw stateError(id, `is ${b.status}; nothing awaits receipt`);
    const awaiting = (await selectMembers(trx, [id])).filter((m) => m.state === 'awaiting-receipt');
    if (awaiting.length === 0) throw stateError(id, 'no detainee handover awaits receipt');
    const now = cx.clock.now().toISOString();
    const receiver = await findAgencyByCode(trx, b.receiving_code);
    let signedNow = 0;
    for (const m of awaiting) {
      const h = await showHandover(tx, m.handover_id!);
      if (h.status === 'cancelled') {
        await updateMember(trx, id, m.position, { state: 'not-handed-over', outcome: 'cancelled', outcome_reason: CANCELLED_IN_CUSTODY });
        continue;
      }
      signedNow += 1;
      const signed = h.status === 'completed' ? h : await signHandover(tx, m.handover_id!);
      // Received by the country's officials, the detainee leaves the operation: the custody log says so and the
      // registry marks them repatriated.
      await recordEvent(tx, { type: 'repatriation', detainee: signed.detainee, country: b.country, receivingAuthority: receiver?.name ?? b.receiving_code });
      await updateMember(trx, id, m.position, { state: 'handed-over', handed_over_at: now });
    }
    if (signedNow === 0) throw stateError(id, 'every pending handover was cancelled in custody; refuse or withdraw the batch to record it');
    await settle(tx, trx, b);
    await cx.audit.record(trx, { action: 'repatriation.batch.receive', subjectType: 'repatriation-batch', subjectId: id, details: { handovers: awaiting.map((m) => m.handover_id) } });
  });
  return showBatch(cx, id);
}

/**
 * Ends every pending detainee handover of a batch handing over: `refused` by the receiving agency, or
 * `withdrawn` by the agency that released them (custody's cancel, one handover at a time, all in this
 * transaction). Each such member is recorded as not handed over with the outcome and reason; a handover
 * already signed in custody counts as received, one already cancelled in custody as `cancelled`. The batch then
 * follows the outcome (see `settle`): handed over with the members actually received, still handing over while
 * others are planned, or — nobody received — back to planned or cancelled (`ifNoneReceived`). Requires
 * `repatriation:handover` and `custody:sign`. Audited.
 * @throws DomainError INVALID_INPUT (reason), NOT_FOUND, REPATRIATION_BATCH_STATE (not handing over, or
 *   nothing pending), REPATRIATION_NOT_PARTY (refusing outside the receiving agency, withdrawing outside the
 *   releasing one), and custody's errors.
 */
async function endHandovers(cx: CustodyCtx, id: string, outcome: 'refused' | 'withdrawn', raw: TBatchOutcomeRequest): Promise<TBatch> {
  requirePermission(cx.principal, 'repatriation:handover');
  const input = ZBatchOutcomeRequest.parse(raw);
  await inTransaction(cx.db, async (trx) => {
    const tx: CustodyCtx = { ...withDb(cx, trx), keyring: cx.keyring };
    const b = await batchRow(trx, tx, id);
    if (b.status !== 'handing-over') throw stateError(id, `is ${b.status}; only a batch handing over has handovers to ${outcome === 'refused' ? 'refuse' : 'withdraw'}`);
    const awaiting = (await selectMembers(trx, [id])).filter((m) => m.state === 'awaiting-receipt');
    if (awaiting.length === 0) throw stateError(id, 'no detainee handover awaits receipt');
    const me = cx.principal.agencyCode;
    const notParty = (reason: string) => new DomainError('forbidden', RepatriationErrors.REPATRIATION_NOT_PARTY, `batch ${id}: ${reason}`, { field: 'agency', reason });
    if (outcome === 'refused' && me !== b.receiving_code) throw notParty(`only the receiving agency ${b.receiving_code} refuses its handovers, not ${me}`);
    const now = cx.clock.now().toISOString();
    const ended: string[] = [];
    for (const m of awaiting) {
      const h = await showHandover(tx, m.handover_id!);
      if (h.status === 'completed') {
        await recordEvent(tx, { type: 'repatriation', detainee: h.detainee, country: b.country, receivingAuthority: b.receiving_code });
        await updateMember(trx, id, m.position, { state: 'handed-over', handed_over_at: now });
        continue;
      }
      if (h.status === 'cancelled') {
        await updateMember(trx, id, m.position, { state: 'not-handed-over', outcome: 'cancelled', outcome_reason: CANCELLED_IN_CUSTODY });
        continue;
      }
      if (outcome === 'withdrawn' && h.from.agency !== me) throw notParty(`handover ${h.id} was released by ${h.from.agency}; only that agency withdraws it, not ${me}`);
      await cancelHandover(tx, h.id);
      await updateMember(trx, id, m.position, { state: 'not-handed-over', outcome, outcome_reason: input.reason });
      ended.push(h.id);
    }
    await settle(tx, trx, b, input.ifNoneReceived);
    await cx.audit.record(trx, { action: `repatriation.batch.${outcome === 'refused' ? 'refuse' : 'withdraw'}`, subjectType: 'repatriation-batch', subjectId: id, details: { reason: input.reason, handovers: ended, ifNoneReceived: input.ifNoneReceived } });
  });
  return showBatch(cx, id);
}

/** The receiving agency refuses every pending detainee handover of the batch (see `endHandovers`). */
export function refuseBatch(cx: CustodyCtx, id: string, raw: TBatchOutcomeRequest): Promise<TBatch> {
  return endHandovers(cx, id, 'refused', raw);
}

/** The releasing agency withdraws every pending detainee handover of the batch (see `endHandovers`). */
export function withdrawBatch(cx: CustodyCtx, id: string, raw: TBatchOutcomeRequest): Promise<TBatch> {
  return endHandovers(cx, id, 'withdrawn', raw);
}
