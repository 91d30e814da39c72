import { bannerOf, canSee, conflict, formatMarking, newId, type Marking } from '../kernel/index.js';
import { internMarking, loadMarking, requirePermission, scopeFor, withDb, type Ctx, type Scope } from '../access/index.js';
import { classifyDbError, inTransaction, type Db, type DetaineesTable } from '../store/index.js';
import { checkDetaineeFields, detaineeFromRow, searchKeysOf } from './detainee.js';
import { insertDetainees, selectDetainee, selectIsnHolder } from './detainee.store.js';
import { agencyIdOf, checkMarkingForAuthor, facilityIdOf } from './references.js';
import { RegistryErrors } from './registry.errors.js';
import { ZRegisterDetaineeRequest, type TRegisterDetainee, type TRegisterDetaineeRequest, type TRegisterDetaineeResult } from './registry.schemas.js';

/** Validated input → a row ready to insert (references resolved, marking interned). */
export async function detaineeRow(ctx: Ctx, scope: Scope, input: TRegisterDetainee, fieldPrefix = ''): Promise<DetaineesTable> {
  const db = ctx.db;
  const checked = { ...input, ...checkDetaineeFields(input, fieldPrefix) };
  checkMarkingForAuthor(ctx.principal, checked.marking, `${fieldPrefix}marking`);
  const now = ctx.clock.now();
  return {
    id: newId(now.getTime()),
    isn: checked.isn,
    name_ar: checked.nameAr,
    name_latin: checked.nameLatin,
    aliases: JSON.stringify(checked.aliases),
    birth_date: checked.birthDate ?? null,
    birth_year: checked.birthYear ?? (checked.birthDate ? Number(checked.birthDate.slice(0, 4)) : null),
    birth_place: checked.birthPlace ?? null,
    nationality: checked.nationality,
    sex: checked.sex,
    risk_tier: checked.riskTier,
    keep_apart: JSON.stringify(checked.keepApart),
    medical: JSON.stringify(checked.medical),
    legal_status: checked.legalStatus,
    facility_id: checked.facility ? await facilityIdOf(db, scope, checked.facility, `${fieldPrefix}facility`) : null,
    custodian_agency_id: checked.custodian ? await agencyIdOf(db, checked.custodian, `${fieldPrefix}custodian`) : null,
    status: checked.status,
    search_keys: searchKeysOf(checked),
    marking_id: await internMarking(db, checked.marking, ctx.principal.country),
    version: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    created_by: ctx.principal.userId,
  };
}

/**
 * Sends a registration whose ISN collides with a record the caller cannot see to a reviewer who may see
 * both; the caller learns only that it awaits review.
 */
export async function queueCollisionReview(db: Db, ctx: Ctx, input: TRegisterDetainee, existing: { id: string; marking_id: number }): Promise<string> {
  const held = await loadMarking(db, existing.marking_id);
  const both: Marking = bannerOf([held.marking, input.marking]);
  const reviewId = newId(ctx.clock.now().getTime());
  await db.insertInto('registration_reviews').values({
    id: reviewId,
    kind: 'duplicate-isn',
    status: 'pending',
    requested_by: ctx.principal.userId ?? 'operator',
    requested_at: ctx.clock.now().toISOString(),
    payload: JSON.stringify({ ...input, marking: formatMarking(input.marking) }),
    existing_id: existing.id,
    marking_id: await internMarking(db, both, held.originator),
    resolved_by: null,
    resolved_at: null,
    resolution_note: null,
    created_detainee_id: null,
  }).execute();
  await ctx.audit.record(db, { action: 'detainee.register.review-queued', subjectType: 'registration-review', subjectId: reviewId, details: { isn: input.isn } });
  return reviewId;
}

/** True when the principal may see a record with this stored marking. */
export async function visibleMarking(db: Db, ctx: Ctx, markingId: number): Promise<boolean> {
  const m = await loadMarking(db, markingId);
  return canSee(ctx.principal, m.marking, m.originator);
}

/**
 * Registers a detainee. Requires `registry:write`.
 * @throws DomainError INVALID_INPUT (field and reason), REGISTRY_DUPLICATE_ISN when a record the caller
 * can see has the ISN, REGISTRY_UNKNOWN_FACILITY, REGISTRY_UNKNOWN_AGENCY, REGISTRY_MARKING_ABOVE_CALLER.
 * @returns `created`, or `pending-review` when the ISN is held by a record the caller cannot see.
 */
export async function registerDetainee(ctx: Ctx, raw: TRegisterDetaineeRequest): Promise<TRegisterDetaineeResult> {
  requirePermission(ctx.principal, 'registry:write');
  const input = ZRegisterDetaineeRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const row = await detaineeRow(withDb(ctx, trx), scope, input);
    const holder = await selectIsnHolder(trx, input.isn);
    if (holder) {
      if (await visibleMarking(trx, ctx, holder.marking_id)) throw duplicateIsn(input.isn);
      return { status: 'pending-review', reviewId: await queueCollisionReview(trx, ctx, input, holder) } as const;
    }
    try {
      await insertDetainees(trx, [row]);
    } catch (e) {
      if (classifyDbError(e).kind === 'unique') throw duplicateIsn(input.isn);
      throw e;
    }
    await ctx.audit.record(trx, { action: 'detainee.register', subjectType: 'detainee', subjectId: row.id, details: { isn: row.isn } });
    // The scope again: the registration may have interned a marking the first scope did not know.
    const created = await selectDetainee(trx, await scopeFor(trx, ctx.principal), row.id);
    if (!created) throw new Error('registered detainee not visible to its author');
    return { status: 'created', detainee: detaineeFromRow(created) } as const;
  });
}

export function duplicateIsn(isn: string) {
  return conflict(RegistryErrors.REGISTRY_DUPLICATE_ISN, `isn: ${isn} is already registered`, { field: 'isn', reason: 'already registered' });
}
