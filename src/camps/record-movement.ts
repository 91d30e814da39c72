import { notFound } from '../kernel/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import { inTransaction } from '../store/index.js';
import { selectAgencies, selectSections } from './camp.store.js';
import { ZMovementRequest, type TMovement, type TMovementRequest } from './camps.schemas.js';
import { authorityAt } from './fields.js';
import { insertMovements } from './movement.store.js';
import { checkOrder, instantOf, movementRow, placeAfter, sectionIdOf } from './movements.js';
import { statusOf } from './movement-rules.js';
import { campOf, campsView, requireField } from './policy.js';
import { selectResidents, updateResidentPlace } from './resident.store.js';

/**
 * Records an arrival (or a return), a transfer to another section or camp, a death, or a person unaccounted
 * for, and moves the resident in the registry in the same transaction. Requires `camps:write` and the
 * movements field of the camps involved. The event is attributed to the camp's controlling authority at its
 * date and names who recorded it.
 * @throws DomainError NOT_FOUND (resident or camp absent or unseen), CAMPS_FIELD_WITHHELD,
 *   CAMPS_MOVEMENT_INVALID (does not follow from where the resident is), CAMPS_MOVEMENT_OUT_OF_ORDER,
 *   CAMPS_UNKNOWN_SECTION.
 */
export async function recordMovement(ctx: Ctx, raw: TMovementRequest): Promise<TMovement> {
  requirePermission(ctx.principal, 'camps:write');
  const input = ZMovementRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const [row] = await selectResidents(trx, view.scope, { campIds: view.camps.map((c) => c.id), ids: [input.resident] });
    const from = row ? view.byId.get(row.facility_id) : undefined;
    if (!row || !from) throw notFound('resident', input.resident);
    requireField(from, 'movements');
    const moving = input.kind === 'arrival' || input.kind === 'transfer';
    const camp = moving && input.camp ? campOf(view, input.camp) : from;
    requireField(camp, 'movements');
    const sections = await selectSections(trx, [camp.id]);
    const sectionId = moving && input.section ? sectionIdOf(sections, camp, input.section) : null;
    const at = instantOf(input.at, view.now);
    await checkOrder(trx, [row.id], at, view.now);
    const place = placeAfter(row, { kind: input.kind, campId: camp.id, sectionId });
    const authorityId = authorityAt(camp.policy.control, at) ?? null;
    const extras = input.kind === 'transfer' ? { section_id: sectionId, from_facility_id: row.facility_id, from_section_id: row.section_id } : { section_id: sectionId };
    const event = movementRow(ctx, row, { kind: input.kind, at, camp, authorityId }, { ...extras, note: input.note ?? null });
    await insertMovements(trx, [event]);
    await updateResidentPlace(trx, row.id, { facilityId: camp.id, status: statusOf(place), ...(moving ? { sectionId } : {}) }, view.now);
    await ctx.audit.record(trx, { action: `camp-movement.${input.kind}`, subjectType: 'camp-resident', subjectId: row.id, details: { movement: event.id, camp: camp.code } });
    const sectionCode = (id: string | null) => sections.find((s) => s.id === id)?.code ?? null;
    return {
      id: event.id, kind: input.kind, at, camp: camp.code, section: sectionCode(sectionId),
      fromCamp: input.kind === 'transfer' ? from.code : null, fromSection: input.kind === 'transfer' ? row.section_code : null,
      authority: (await selectAgencies(trx)).find((a) => a.id === authorityId)?.code ?? null,
      releasedTo: null, destination: null, destinationCountry: null, agreement: null, guardian: null, batch: null,
      note: event.note, recordedBy: event.recorded_by, recordedAt: event.recorded_at,
    };
  });
}
