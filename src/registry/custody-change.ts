import { z } from 'zod';
import { conflict, DomainError, KernelErrors, notFound } from '../kernel/index.js';
import { requirePermission, scopeFor, type Ctx } from '../access/index.js';
import type { DetaineesTable } from '../store/index.js';
import { detaineeFromRow } from './detainee.js';
import { selectDetainee, updateDetaineeRow } from './detainee.store.js';
import { agencyIdOf } from './references.js';
import { RegistryErrors } from './registry.errors.js';
import { DETAINEE_STATUSES, type TDetainee } from './registry.schemas.js';

/**
 * What the custody module asks of the registry: the detainee a custody event is about (in the caller's
 * scope), what a place code names, and the detainee's new custodian, place and status when a handover or
 * another custody event completes — always inside the custody module's transaction, so the registry and
 * the log change together or not at all.
 */

/** A custody change: the new custodian (agency code), place (facility code or aircraft tail) and status. */
export const ZCustodyChange = z.strictObject({
  detainee: z.string().min(1).max(200).describe('id or ISN'),
  custodian: z.string().min(1).nullable().optional(),
  place: z.string().min(1).nullable().optional(),
  status: z.enum(DETAINEE_STATUSES).optional(),
});
export type TCustodyChange = z.input<typeof ZCustodyChange>;

/** What a place code names: a facility the caller may see, or an aircraft. */
export type PlaceKind = 'facility' | 'aircraft';

/** Whether `code` is a facility (in the caller's scope) or an aircraft tail; undefined when neither. */
export async function findPlace(ctx: Ctx, code: string): Promise<PlaceKind | undefined> {
  const scope = await scopeFor(ctx.db, ctx.principal);
  const f = await ctx.db.selectFrom('facilities').select('id').where('code', '=', code).where('marking_id', 'in', scope.markingIds).executeTakeFirst();
  if (f) return 'facility';
  const a = await ctx.db.selectFrom('aircraft').select('id').where('tail', '=', code).executeTakeFirst();
  return a ? 'aircraft' : undefined;
}

/**
 * The detainee a custody operation is about, by id or ISN, if the caller may see it. Requires `custody:read`.
 * Not audited here: the custody use case audits what it does with it.
 * @throws DomainError NOT_FOUND (absent or unseen).
 */
export async function custodySubject(ctx: Ctx, idOrIsn: string): Promise<TDetainee> {
  requirePermission(ctx.principal, 'custody:read');
  const row = await selectDetainee(ctx.db, await scopeFor(ctx.db, ctx.principal), idOrIsn);
  if (!row) throw notFound('detainee', idOrIsn);
  return detaineeFromRow(row);
}

/** The detainees among `ids` that the caller may see, by id. Requires `custody:read`. */
export async function custodySubjects(ctx: Ctx, ids: readonly string[]): Promise<Map<string, TDetainee>> {
  requirePermission(ctx.principal, 'custody:read');
  const out = new Map<string, TDetainee>();
  const scope = await scopeFor(ctx.db, ctx.principal);
  for (const id of new Set(ids)) {
    const row = await selectDetainee(ctx.db, scope, id);
    if (row) out.set(row.id, detaineeFromRow(row));
  }
  return out;
}

/**
 * Sets a detainee's custodian, place and status after a custody event, on the caller's transaction. A
 * facility place means held there; an aircraft means in transit (no facility). Requires `custody:sign`
 * (or `scenario:load` for the loader). Audited as `detainee.custody-change`.
 * @throws DomainError NOT_FOUND, REGISTRY_UNKNOWN_AGENCY, REGISTRY_UNKNOWN_PLACE.
 */
export async function recordCustodyChange(ctx: Ctx, raw: TCustodyChange): Promise<TDetainee> {
  requirePermission(ctx.principal, 'custody:sign');
  const input = ZCustodyChange.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const current = await selectDetainee(ctx.db, scope, input.detainee);
  if (!current) throw notFound('detainee', input.detainee);
  const set: Partial<DetaineesTable> = { updated_at: ctx.clock.now().toISOString() };
  if (input.custodian !== undefined) set.custodian_agency_id = input.custodian === null ? null : await agencyIdOf(ctx.db, input.custodian);
  if (input.place !== undefined) {
    const kind = input.place === null ? null : await findPlace(ctx, input.place);
    if (kind === undefined) {
      throw new DomainError('invalid', RegistryErrors.REGISTRY_UNKNOWN_PLACE, `place: no facility or aircraft ${input.place}`, { field: 'place', reason: 'unknown place' });
    }
    const facility = kind === 'facility' ? await ctx.db.selectFrom('facilities').select('id').where('code', '=', input.place!).executeTakeFirstOrThrow() : null;
    set.facility_id = facility?.id ?? null;
    if (kind) set.status = kind === 'facility' ? 'held' : 'in-transit';
  }
  if (input.status !== undefined) set.status = input.status;
  if (!(await updateDetaineeRow(ctx.db, current.id, current.version, set))) {
    throw conflict(KernelErrors.STALE_VERSION, `detainee ${current.isn} changed meanwhile`, { field: 'version', reason: 'stale' });
  }
  await ctx.audit.record(ctx.db, { action: 'detainee.custody-change', subjectType: 'detainee', subjectId: current.id, details: { fields: Object.keys(set).sort() } });
  const after = await selectDetainee(ctx.db, scope, current.id);
  if (!after) throw notFound('detainee', input.detainee);
  return detaineeFromRow(after);
}
