import { conflict, invalid, newId, notFound } from '../kernel/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { ageOn } from './age.js';
import { selectAgencies } from './camp.store.js';
import { CampsErrors } from './camps.errors.js';
import { ZReleaseRequest, type TReleaseRequest, type TReleaseResult } from './camps.schemas.js';
import { authorityAt } from './fields.js';
import { selectGuardianships } from './links.store.js';
import { insertMovements } from './movement.store.js';
import { checkOrder, instantOf, movementRow, placeAfter } from './movements.js';
import { statusOf } from './movement-rules.js';
import { campOf, campsView, requireField, type CampsView } from './policy.js';
import { birthOf } from './present.js';
import { countResidents, selectResidents, updateResidentPlace, type ResidentRow } from './resident.store.js';

const ADULT = 18;

/** A resident is treated as a child unless their age is known to be 18 or more: the protective reading. */
function isChild(r: ResidentRow, date: string): boolean {
  const age = ageOn(birthOf(r), date);
  return age === null || age < ADULT;
}

/**
 * The guardian each child leaves with: an active guardian released in the same batch. Reunifications name
 * the receiving relative instead, so their children leave with none.
 * @throws DomainError CAMPS_CHILD_WITHOUT_GUARDIAN listing every child without one.
 */
async function guardiansOf(db: Db, view: CampsView, children: readonly ResidentRow[], batch: { ids: string[]; adults: Set<string> }): Promise<Map<string, string>> {
  const active = (await selectGuardianships(db, view.scope, children.map((c) => c.id))).filter((g) => g.until === null);
  const out = new Map<string, string>();
  const missing: { field: string; reason: string }[] = [];
  for (const c of children) {
    const g = active.find((x) => x.child_id === c.id && x.guardian_resident_id !== null && batch.adults.has(x.guardian_resident_id));
    if (g?.guardian_resident_id) out.set(c.id, g.guardian_resident_id);
    else missing.push({ field: `residents.${batch.ids.indexOf(c.id)}`, reason: `child ${c.id} has no guardian in this release` });
  }
  if (missing.length > 0) {
    throw conflict(CampsErrors.CAMPS_CHILD_WITHOUT_GUARDIAN, `${missing.length} child(ren) would leave without a guardian; release them with their guardian, or as a reunification`, {
      field: missing[0]!.field, reason: missing[0]!.reason, issues: missing,
    });
  }
  return out;
}

/**
 * Releases (or repatriates) residents of one camp together — a mother with her children — to a named person
 * or agency and a destination, under the camp's controlling authority at the date and the agreement given.
 * Every child leaves with a guardian released in the same batch, unless the release is a reunification with
 * the named relative (which needs `camps:children`). Requires `camps:write` and the movements and birth fields
 * (and guardianship when a child is released). All or nothing; audited.
 * @throws DomainError NOT_FOUND, CAMPS_FIELD_WITHHELD, CAMPS_MOVEMENT_INVALID, CAMPS_MOVEMENT_OUT_OF_ORDER,
 *   CAMPS_CHILD_WITHOUT_GUARDIAN, INVALID_INPUT (a resident listed twice).
 */
export async function releaseResidents(ctx: Ctx, campCode: string, raw: TReleaseRequest): Promise<TReleaseResult> {
  requirePermission(ctx.principal, 'camps:write');
  const input = ZReleaseRequest.parse(raw);
  const dup = input.residents.findIndex((id, i) => input.residents.indexOf(id) !== i);
  if (dup >= 0) throw invalid(`residents.${dup}`, 'listed twice');
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const camp = campOf(view, campCode);
    requireField(camp, 'movements');
    requireField(camp, 'birth');
    const rows = await selectResidents(trx, view.scope, { campIds: view.camps.map((c) => c.id), ids: input.residents });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const absent = input.residents.find((id) => !byId.has(id));
    if (absent) throw notFound('resident', absent);
    const at = instantOf(input.at, view.now);
    const batchRows = input.residents.map((id) => byId.get(id)!);
    batchRows.forEach((r, i) => placeAfter(r, { kind: input.kind, campId: camp.id, sectionId: null }, `residents.${i}`));
    await checkOrder(trx, input.residents, at, view.now);
    const children = batchRows.filter((r) => isChild(r, at.slice(0, 10)));
    let guardians = new Map<string, string>();
    if (children.length > 0) {
      requireField(camp, 'guardianship');
      if (input.childCustody === 'reunification') requirePermission(ctx.principal, 'camps:children');
      else guardians = await guardiansOf(trx, view, children, { ids: input.residents, adults: new Set(batchRows.filter((r) => !isChild(r, at.slice(0, 10))).map((r) => r.id)) });
    }
    const batch = newId(ctx.clock.now().getTime());
    const authorityId = authorityAt(camp.policy.control, at) ?? null;
    const events = batchRows.map((r) => movementRow(ctx, r, { kind: input.kind, at, camp, authorityId }, {
      released_to: input.releasedTo, destination: input.destination, destination_country: input.destinationCountry,
      agreement_ref: input.agreement ?? null, guardian_resident_id: guardians.get(r.id) ?? null, batch_id: batch, note: input.note ?? null,
    }));
    await insertMovements(trx, events);
    const status = statusOf(placeAfter(batchRows[0]!, { kind: input.kind, campId: camp.id, sectionId: null }));
    for (const r of batchRows) await updateResidentPlace(trx, r.id, { facilityId: camp.id, status }, view.now);
    await ctx.audit.record(trx, {
      action: `camp.${input.kind}`, subjectType: 'camp', subjectId: camp.id,
      details: { batch, residents: input.residents, childCustody: children.length > 0 ? input.childCustody : null },
    });
    const population = await countResidents(trx, view.scope, { campIds: [camp.id], status: 'resident' });
    const authority = (await selectAgencies(trx)).find((a) => a.id === authorityId)?.code ?? null;
    return {
      batch, camp: camp.code, authority, population,
      released: events.map((e) => ({ id: e.resident_id, movement: e.id, guardian: e.guardian_resident_id })),
    };
  });
}
