import { DomainError, invalid, newId, notFound } from '../kernel/index.js';
import { findAgencyByCode, internMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { residentsById } from '../camps/index.js';
import { custodySubjects, findPlace } from '../registry/index.js';
import { classifyDbError, inTransaction, type Db } from '../store/index.js';
import { closeMembers, insertBatch, openMemberships, selectBatches, selectMembers, updateBatch, type BatchRow } from './batch.store.js';
import { selectCountries } from './country.store.js';
import { presentBatches } from './present.js';
import { RepatriationErrors } from './repatriation.errors.js';
import {
  BATCH_STATUSES_OF_COUNTRY, CONDITIONS, RECEIVING_KINDS, ZBatchQuery, ZCreateBatchRequest, type CountryStatus, type TBatch, type TBatchList,
  type TBatchQuery, type TCreateBatchRequest,
} from './repatriation.schemas.js';
import { ageAt, batchFaults, type MemberFacts } from './rules.js';
import { bannerText } from './nationals.js';

/** Repatriation batches: planning (with the country's conditions checked), cancelling, listing, showing. */

/** Detainee statuses from which a detainee can be handed over to their country. */
const HOLDABLE = new Set(['held', 'transferred']);

/** A checked member: the person's id and, for a resident, their camp. */
export type Member = MemberFacts & { personId: string; camp?: string };

/**
 * Each listed person as the planner sees them, checked: visible (else NOT_FOUND), of the batch's country, still
 * held or present, not in another open batch.
 * @throws DomainError NOT_FOUND, REPATRIATION_FIELD_WITHHELD, REPATRIATION_MEMBER_UNAVAILABLE.
 */
export async function membersOf(ctx: Ctx, input: { country: string; date: string; members: ReturnType<typeof ZCreateBatchRequest.parse>['members'] }): Promise<Member[]> {
  const detainees = await custodySubjects(ctx, input.members.filter((m) => m.kind === 'detainee').map((m) => m.id));
  const byIsn = new Map([...detainees.values()].map((d) => [d.isn, d]));
  const residents = await residentsById(ctx, input.members.filter((m) => m.kind === 'resident').map((m) => m.id));
  const unavailable = (i: number, reason: string) => new DomainError('conflict', RepatriationErrors.REPATRIATION_MEMBER_UNAVAILABLE, `members.${i}: ${reason}`, { field: `members.${i}`, reason });
  return input.members.map((ref, i): Member => {
    if (ref.kind === 'detainee') {
      const d = detainees.get(ref.id) ?? byIsn.get(ref.id);
      if (!d) throw notFound('detainee', ref.id);
      if (d.nationality !== input.country) throw unavailable(i, `detainee ${d.isn} is a national of ${d.nationality}, not ${input.country}`);
      if (!HOLDABLE.has(d.status)) throw unavailable(i, `detainee ${d.isn} is ${d.status}, not held`);
      return { kind: 'detainee', label: d.isn, personId: d.id, sex: d.sex, age: ageAt({ date: d.birthDate, year: d.birthYear }, input.date) };
    }
    const r = residents.get(ref.id);
    if (!r) throw notFound('resident', ref.id);
    if (r.nationality === undefined) {
      throw new DomainError('forbidden', RepatriationErrors.REPATRIATION_FIELD_WITHHELD, `members.${i}: the nationality of resident ${r.id} is withheld from you`, { field: `members.${i}`, reason: 'nationality withheld by your agency\'s agreement for the camp' });
    }
    if (r.nationality !== input.country) throw unavailable(i, `resident ${r.id} is a national of ${r.nationality}, not ${input.country}`);
    if (r.status !== 'resident') throw unavailable(i, `resident ${r.id} is ${r.status}, not present in a camp`);
    const birth = r.birthDate === undefined && r.birthYear === undefined ? null : { date: r.birthEstimated ? null : (r.birthDate ?? null), year: r.birthYear ?? (r.birthDate ? Number(r.birthDate.slice(0, 4)) : null) };
    return { kind: 'resident', label: r.id, personId: r.id, camp: r.camp, sex: r.sex ?? null, age: birth ? ageAt(birth, input.date) : null };
  });
}

/**
 * Refuses a batch whose members do not all meet the country's conditions, naming every member and condition.
 * @throws DomainError REPATRIATION_CONDITION_UNMET.
 */
export function checkConditions(conditions: readonly (typeof CONDITIONS)[number][], members: readonly MemberFacts[], batch: { assurances: string | null }): void {
  const faults = batchFaults(conditions, members, batch);
  if (faults.length === 0) return;
  const issues = faults.map((f) => ({ field: f.condition === 'prosecution-assurances' ? 'assurances' : `members.${f.index}`, reason: f.reason }));
  throw new DomainError('conflict', RepatriationErrors.REPATRIATION_CONDITION_UNMET, `${faults[0]!.reason}${faults.length > 1 ? ` (and ${faults.length - 1} more)` : ''}`, {
    field: issues[0]!.field, reason: `${faults[0]!.condition}: ${faults[0]!.reason}`, issues,
  });
}

/** @throws DomainError REPATRIATION_MEMBER_UNAVAILABLE when a member is already in an open batch. */
async function refuseOpen(db: Db, members: readonly Member[]): Promise<void> {
  const open = await openMemberships(db, { detainees: members.filter((m) => m.kind === 'detainee').map((m) => m.personId), residents: members.filter((m) => m.kind === 'resident').map((m) => m.personId) });
  const taken = new Set(open.map((o) => o.detainee_id ?? o.resident_id));
  const i = members.findIndex((m) => taken.has(m.personId));
  if (i >= 0) throw new DomainError('conflict', RepatriationErrors.REPATRIATION_MEMBER_UNAVAILABLE, `members.${i}: ${members[i]!.kind} ${members[i]!.label} is already in an open batch`, { field: `members.${i}`, reason: 'already in an open batch' });
}

/** @throws DomainError REPATRIATION_BAD_RECEIVER naming the agency. */
async function receiverOf(db: Db, code: string, country: string): Promise<{ id: string; code: string; name: string }> {
  const a = await findAgencyByCode(db, code);
  const bad = (reason: string) => new DomainError('invalid', RepatriationErrors.REPATRIATION_BAD_RECEIVER, `receivingAgency: ${reason}`, { field: 'receivingAgency', reason });
  if (!a) throw bad(`no agency with code ${code}`);
  if (a.country !== country) throw bad(`${code} is an agency of ${a.country}, not of ${country}`);
  if (!(RECEIVING_KINDS as readonly string[]).includes(a.kind)) throw bad(`${code} is a ${a.kind} agency; nationals are received by a ${RECEIVING_KINDS.join(', ')} agency`);
  return a;
}

/**
 * Plans a batch: persons (detainees and camp residents, nationals of the country, held or present, in no other
 * open batch) to hand over to the country's receiving agency at a place and time. The country must have
 * accepted (accepted or repatriating) and every member must meet its conditions on the planned date. Requires
 * `repatriation:write`. All or nothing; audited.
 * @throws DomainError INVALID_INPUT, NOT_FOUND (a country record or person the caller may not see),
 *   REPATRIATION_COUNTRY_NOT_READY, REPATRIATION_BAD_RECEIVER, REPATRIATION_MEMBER_UNAVAILABLE,
 *   REPATRIATION_FIELD_WITHHELD, REPATRIATION_CONDITION_UNMET.
 */
export async function createBatch(ctx: Ctx, raw: TCreateBatchRequest): Promise<TBatch> {
  requirePermission(ctx.principal, 'repatriation:write');
  const input = ZCreateBatchRequest.parse(raw);
  const seen = new Map<string, number>();
  input.members.forEach((m, i) => {
    const key = `${m.kind}:${m.id}`;
    if (seen.has(key)) throw invalid(`members.${i}`, `listed twice (also members.${seen.get(key)})`);
    seen.set(key, i);
  });
  const at = /^\d{4}-\d{2}-\d{2}$/.test(input.at) ? `${input.at}T00:00:00.000Z` : new Date(input.at).toISOString();
  const id = await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const scope = await scopeFor(trx, ctx.principal);
    const [country] = await selectCountries(trx, scope, { country: input.country });
    if (!country) throw notFound('country', input.country);
    if (!BATCH_STATUSES_OF_COUNTRY.includes(country.status as CountryStatus)) {
      throw new DomainError('conflict', RepatriationErrors.REPATRIATION_COUNTRY_NOT_READY, `country: ${input.country} is ${country.status}; batches are planned once it has accepted`, { field: 'country', reason: `status ${country.status}` });
    }
    const receiver = await receiverOf(trx, input.receivingAgency, input.country);
    if (!(await findPlace(tx, input.place))) throw invalid('place', `no facility or aircraft ${input.place}`);
    const members = await membersOf(tx, { country: input.country, date: at.slice(0, 10), members: input.members });
    // Persons the caller could not see would have stopped at NOT_FOUND above; check the open batches after that.
    await refuseOpen(trx, members);
    checkConditions(JSON.parse(country.conditions) as (typeof CONDITIONS)[number][], members, { assurances: input.assurances ?? null });
    const markingId = await internMarking(trx, input.marking, ctx.principal.country);
    if (!(await scopeFor(trx, ctx.principal)).markingIds.includes(markingId)) throw invalid('marking', 'you could not read a batch so marked (above your clearance, or not releasable to you)');
    const now = ctx.clock.now().toISOString();
    const batchId = newId(ctx.clock.now().getTime());
    await insertBatch(trx, {
      id: batchId, country: input.country, receiving_agency_id: receiver.id, place: input.place, at, status: 'planned', assurances: input.assurances ?? null,
      note: input.note ?? null, marking_id: markingId, version: 1, created_at: now, created_by: ctx.principal.username, closed_at: null, closed_by: null,
    }, members.map((m, position) => ({
      batch_id: batchId, position, kind: m.kind, detainee_id: m.kind === 'detainee' ? m.personId : null, resident_id: m.kind === 'resident' ? m.personId : null,
      state: 'planned', handover_id: null, movement_batch: null, handed_over_at: null,
      open_person: m.kind === 'detainee' ? `d:${m.personId}` : `r:${m.personId}`, outcome: null, outcome_reason: null,
    }))).catch((e: unknown) => {
      // Another batch took one of these persons between the check above and this insert.
      if (classifyDbError(e).kind === 'unique') throw new DomainError('conflict', RepatriationErrors.REPATRIATION_MEMBER_UNAVAILABLE, 'members: a person of this batch was just planned in another open batch; try again', { field: 'members', reason: 'already in an open batch' });
      throw e;
    });
    await ctx.audit.record(trx, { action: 'repatriation.batch.create', subjectType: 'repatriation-batch', subjectId: batchId, details: { country: input.country, members: members.map((m) => m.label) } });
    return batchId;
  });
  return showBatch(ctx, id);
}

/** The batch with `id` the caller may see. @throws DomainError NOT_FOUND. */
export async function batchRow(db: Db, ctx: Ctx, id: string): Promise<BatchRow> {
  const [row] = await selectBatches(db, await scopeFor(db, ctx.principal), { id });
  if (!row) throw notFound('batch', id);
  return row;
}

/**
 * Cancels a planned batch (nobody has been handed over yet). Requires `repatriation:write`. Audited.
 * @throws DomainError NOT_FOUND, REPATRIATION_BATCH_STATE (the handover has begun, or the batch is closed).
 */
export async function cancelBatch(ctx: Ctx, id: string, reason?: string): Promise<TBatch> {
  requirePermission(ctx.principal, 'repatriation:write');
  await inTransaction(ctx.db, async (trx) => {
    const b = await batchRow(trx, ctx, id);
    if (b.status !== 'planned') {
      throw new DomainError('conflict', RepatriationErrors.REPATRIATION_BATCH_STATE, `batch ${id} is ${b.status}; only a planned batch can be cancelled`, { field: 'status', reason: b.status });
    }
    const now = ctx.clock.now().toISOString();
    if (!(await updateBatch(trx, id, b.version, { status: 'cancelled', closed_at: now, closed_by: ctx.principal.username }))) {
      throw new DomainError('conflict', RepatriationErrors.REPATRIATION_BATCH_STATE, `batch ${id} changed meanwhile`, { field: 'status', reason: 'changed' });
    }
    await closeMembers(trx, id);
    await ctx.audit.record(trx, { action: 'repatriation.batch.cancel', subjectType: 'repatriation-batch', subjectId: id, details: { reason: reason ?? null } });
  });
  return showBatch(ctx, id);
}

/** One batch with the members the caller may see. Requires `repatriation:read`. Audited. @throws NOT_FOUND. */
export async function showBatch(ctx: Ctx, id: string): Promise<TBatch> {
  requirePermission(ctx.principal, 'repatriation:read');
  const row = await batchRow(ctx.db, ctx, id);
  const [batch] = await presentBatches(ctx, [row], await selectMembers(ctx.db, [id]));
  await ctx.audit.record(ctx.db, { action: 'repatriation.batch.read', subjectType: 'repatriation-batch', subjectId: id, details: {} });
  return batch!;
}

/** The batches the caller may see, by country and status, newest first. Requires `repatriation:read`. Audited. */
export async function listBatches(ctx: Ctx, raw: TBatchQuery = {}): Promise<TBatchList> {
  requirePermission(ctx.principal, 'repatriation:read');
  const q = ZBatchQuery.parse(raw);
  const rows = await selectBatches(ctx.db, await scopeFor(ctx.db, ctx.principal), { country: q.country, status: q.status });
  const items = await presentBatches(ctx, rows, await selectMembers(ctx.db, rows.map((r) => r.id)));
  await ctx.audit.record(ctx.db, { action: 'repatriation.batch.list', subjectType: 'repatriation-batch', details: { ids: items.map((b) => b.id) } });
  return { items, marking: bannerText([...items.map((b) => b.marking), ...items.flatMap((b) => b.members.map((m) => m.marking))]) };
}
