import { DomainError, newId } from '../kernel/index.js';
import { findAgencyByCode, requirePermission, withDb, type Ctx } from '../access/index.js';
import { releaseResidents } from '../camps/index.js';
import { createHandover, recordEvent, signHandover, type CustodyCtx } from '../custody/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { closeMembers, selectMembers, updateBatch, updateMember, type BatchRow, type MemberRow } from './batch.store.js';
import { batchRow, checkConditions, membersOf, showBatch } from './batches.js';
import { countryRecordUnscoped, insertStatusChanges, updateCountry } from './country.store.js';
import { RepatriationErrors } from './repatriation.errors.js';
import { BATCH_STATUSES_OF_COUNTRY, ZHandOverRequest, type CountryStatus, type TBatch, type THandOverRequest } from './repatriation.schemas.js';

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

/** The batch's status from its members: handed over when all are, else handing over. */
async function settle(ctx: Ctx, db: Db, b: BatchRow): Promise<void> {
  const members = await selectMembers(db, [b.id]);
  const done = members.every((m) => m.state === 'handed-over');
  const now = ctx.clock.now().toISOString();
  const set = done ? { status: 'handed-over', closed_at: now, closed_by: ctx.principal.username } : { status: 'handing-over' };
  if (!(await updateBatch(db, b.id, b.version, set))) throw stateError(b.id, 'changed meanwhile; read it again');
  if (done) await closeMembers(db, b.id);
  await startRepatriating(ctx, db, b);
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
    for (const m of awaiting) {
      const signed = await signHandover(tx, m.handover_id!);
      // Received by the country's officials, the detainee leaves the operation: the custody log says so and the
      // registry marks them repatriated.
      await recordEvent(tx, { type: 'repatriation', detainee: signed.detainee, country: b.country, receivingAuthority: receiver?.name ?? b.receiving_code });
      await updateMember(trx, id, m.position, { state: 'handed-over', handed_over_at: now });
    }
    await settle(tx, trx, b);
    await cx.audit.record(trx, { action: 'repatriation.batch.receive', subjectType: 'repatriation-batch', subjectId: id, details: { handovers: awaiting.map((m) => m.handover_id) } });
  });
  return showBatch(cx, id);
}
