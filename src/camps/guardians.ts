import { conflict, invalid, newId, notFound } from '../kernel/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import { inTransaction } from '../store/index.js';
import { ageOn } from './age.js';
import { CampsErrors } from './camps.errors.js';
import {
  ZEndGuardianshipRequest, ZFamilyLinkRequest, ZGuardianRequest, type TEndGuardianshipRequest, type TEndGuardianshipResult, type TFamilyLinkRequest,
  type TGuardianRequest,
} from './links.schemas.js';
import {
  countActiveGuardianships, endGuardianshipRow, insertFamilyLinks, insertGuardianships, selectDetaineeRefs, selectGuardianship, setVulnerabilities,
} from './links.store.js';
import { birthOf, listOf } from './present.js';
import { campsView, requireField } from './policy.js';
import { selectResidents } from './resident.store.js';

/**
 * Records a child's guardian: a resident of a camp, or a named person (a relative outside the camps).
 * Requires `camps:write` and the guardianship field (so `camps:children`). Audited.
 * @throws DomainError NOT_FOUND (child or guardian resident absent or unseen), CAMPS_FIELD_WITHHELD.
 */
export async function recordGuardian(ctx: Ctx, childId: string, raw: TGuardianRequest): Promise<{ id: string }> {
  requirePermission(ctx.principal, 'camps:write');
  const input = ZGuardianRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const ids = [childId, ...(input.guardian ? [input.guardian] : [])];
    const rows = new Map((await selectResidents(trx, view.scope, { campIds: view.camps.map((c) => c.id), ids })).map((r) => [r.id, r]));
    const child = rows.get(childId);
    if (!child) throw notFound('resident', childId);
    requireField(view.byId.get(child.facility_id)!, 'guardianship');
    if (input.guardian && !rows.has(input.guardian)) throw notFound('resident', input.guardian);
    if (input.guardian === childId) throw invalid('guardian', 'a child is not their own guardian');
    const id = newId(ctx.clock.now().getTime());
    await insertGuardianships(trx, [{
      id, child_id: childId, guardian_resident_id: input.guardian ?? null, guardian_name: input.name ?? null, kind: input.kind,
      since: input.since ?? view.now.slice(0, 10), until: null, recorded_by: ctx.principal.username, recorded_at: view.now, marking_id: child.marking_id,
    }]);
    await ctx.audit.record(trx, { action: 'camp-guardian.record', subjectType: 'camp-resident', subjectId: childId, details: { guardianship: id } });
    return { id };
  });
}

/**
 * Records a family link of a resident: to another resident, to a detainee the caller may see in the registry
 * (by ISN), or to a relative abroad (for tracing). Requires `camps:write` and the matching field. Audited.
 * @throws DomainError NOT_FOUND (resident, related resident or detainee absent or unseen), CAMPS_FIELD_WITHHELD.
 */
export async function recordFamilyLink(ctx: Ctx, residentId: string, raw: TFamilyLinkRequest): Promise<{ id: string }> {
  requirePermission(ctx.principal, 'camps:write');
  const input = ZFamilyLinkRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const campIds = view.camps.map((c) => c.id);
    const [r] = await selectResidents(trx, view.scope, { campIds, ids: [residentId] });
    if (!r) throw notFound('resident', residentId);
    const camp = view.byId.get(r.facility_id)!;
    const base = { id: newId(ctx.clock.now().getTime()), resident_id: r.id, relation: input.relation, related_resident_id: null, detainee_id: null, relative_name: null, relative_country: null, note: input.note ?? null, recorded_by: ctx.principal.username, recorded_at: view.now, marking_id: r.marking_id };
    if (input.kind === 'resident') {
      requireField(camp, 'familyLinks');
      const [other] = await selectResidents(trx, view.scope, { campIds, ids: [input.resident] });
      if (!other || other.id === r.id) throw notFound('resident', input.resident);
      await insertFamilyLinks(trx, [{ ...base, kind: 'resident', related_resident_id: other.id }]);
    } else if (input.kind === 'detainee') {
      requireField(camp, 'detaineeLinks');
      const [d] = await selectDetaineeRefs(trx, view.scope, [input.detainee]);
      if (!d) throw notFound('detainee', input.detainee);
      await insertFamilyLinks(trx, [{ ...base, kind: 'detainee', detainee_id: d.id }]);
    } else {
      requireField(camp, 'relativesAbroad');
      await insertFamilyLinks(trx, [{ ...base, kind: 'abroad', relative_name: input.name, relative_country: input.country ?? null }]);
    }
    await ctx.audit.record(trx, { action: 'camp-link.record', subjectType: 'camp-resident', subjectId: r.id, details: { link: base.id, kind: input.kind } });
    return { id: base.id };
  });
}

const ADULT = 18;

/**
 * Ends a guardianship on a date (default today) for a stated reason; the end is recorded beside it (append-only)
 * and audited. When no guardian of the child remains and the child is under 18 and still in a camp, the child is
 * flagged `unaccompanied-child`, in the same transaction. Requires `camps:write` and the guardianship field.
 * @throws DomainError NOT_FOUND (guardianship or child absent or unseen), CAMPS_FIELD_WITHHELD,
 *   CAMPS_GUARDIANSHIP_ENDED, INVALID (a date before the guardianship began, or in the future).
 */
export async function endGuardianship(ctx: Ctx, id: string, raw: TEndGuardianshipRequest): Promise<TEndGuardianshipResult> {
  requirePermission(ctx.principal, 'camps:write');
  const input = ZEndGuardianshipRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const g = await selectGuardianship(trx, view.scope, id);
    const [child] = g ? await selectResidents(trx, view.scope, { campIds: view.camps.map((c) => c.id), ids: [g.child_id] }) : [];
    if (!g || !child) throw notFound('guardianship', id);
    requireField(view.byId.get(child.facility_id)!, 'guardianship');
    if (g.until !== null) throw conflict(CampsErrors.CAMPS_GUARDIANSHIP_ENDED, `guardianship ${id} ended on ${g.until}`, { field: 'id', reason: `ended on ${g.until}` });
    const today = view.now.slice(0, 10);
    const on = input.on ?? today;
    if (on < g.since) throw invalid('on', `before the guardianship began (${g.since})`);
    if (on > today) throw invalid('on', 'is in the future');
    await endGuardianshipRow(trx, id, { on, reason: input.reason, by: ctx.principal.username, at: view.now });
    const remaining = await countActiveGuardianships(trx, child.id);
    const age = ageOn(birthOf(child), today);
    const flag = remaining === 0 && child.status === 'resident' && age !== null && age < ADULT;
    const vulnerabilities = listOf(child.vulnerabilities);
    if (flag && !vulnerabilities.includes('unaccompanied-child')) await setVulnerabilities(trx, child.id, [...vulnerabilities, 'unaccompanied-child'], view.now);
    await ctx.audit.record(trx, {
      action: 'camp-guardian.end', subjectType: 'camp-resident', subjectId: child.id, details: { guardianship: id, on, reason: input.reason, remaining, flaggedUnaccompanied: flag },
    });
    return { id, child: child.id, until: on, remainingGuardians: remaining, flaggedUnaccompanied: flag };
  });
}
