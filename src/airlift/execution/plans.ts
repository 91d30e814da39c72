import { requirePermission, scopeFor, type Ctx } from '../../access/index.js';
import { conflict, DomainError, invalid, invalidMany, notFound } from '../../kernel/index.js';
import { inTransaction } from '../../store/index.js';
import { AirliftErrors, AirliftExecutionErrors } from '../airlift.errors.js';
import { checkPlan } from '../check.js';
import { ZBoardQuery, type TBoardQuery, type TPlanSummary, type TSortie, type TSortiePage, type TStoredPlan } from '../execution.schemas.js';
import { openCountsBySortie } from './execution.store.js';
import {
  deleteSortie, listPlanRows, manifestCounts, manifestCountsOf, overlappingPlans, planDocument, planSummaryRow, setPlanStatus, sortiePage, sortieRows, updateSortie, visibleDetainees,
} from './plans.store.js';
import { markingsOf, presentPlan, presentSortie } from './present.js';

/** Every stored plan the caller may see, newest first. Requires `airlift:read`. */
export async function listPlans(ctx: Ctx): Promise<TPlanSummary[]> {
  requirePermission(ctx.principal, 'airlift:read');
  const rows = await listPlanRows(ctx.db, await scopeFor(ctx.db, ctx.principal));
  const mark = await markingsOf(ctx.db, rows.map((r) => r.marking_id));
  return rows.map((r) => presentPlan(r, mark(r.marking_id)));
}

/** One stored plan with its document, disruption and diff. Requires `airlift:read`. @throws NOT_FOUND (absent or unseen). */
export async function showPlan(ctx: Ctx, id: string): Promise<TStoredPlan> {
  requirePermission(ctx.principal, 'airlift:read');
  const row = await planSummaryRow(ctx.db, await scopeFor(ctx.db, ctx.principal), id);
  if (!row) throw notFound('plan', id);
  const mark = await markingsOf(ctx.db, [row.marking_id]);
  const plan = JSON.parse(await planDocument(ctx.db, id)) as Record<string, unknown>;
  return {
    ...presentPlan(row, mark(row.marking_id)), plan,
    disruption: row.disruption === null ? null : (JSON.parse(row.disruption) as unknown),
    diff: row.diff === null ? null : (JSON.parse(row.diff) as unknown),
  };
}

/** The sorties of a plan with their manifest sizes and open discrepancies. Requires `airlift:read`. */
export async function planSorties(ctx: Ctx, planId: string): Promise<TSortie[]> {
  requirePermission(ctx.principal, 'airlift:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const plan = await planSummaryRow(ctx.db, scope, planId);
  if (!plan) throw notFound('plan', planId);
  const rows = await sortieRows(ctx.db, scope, planId);
  const counts = await manifestCounts(ctx.db, planId);
  const open = await openCountsBySortie(ctx.db, plan.operation_id);
  const mark = await markingsOf(ctx.db, rows.map((r) => r.marking_id));
  return rows.map((r) => presentSortie(r, { manifested: counts.get(r.id) ?? 0, open: open.get(r.id) ?? 0, marking: mark(r.marking_id) }));
}

/**
 * One page of the execution board's sorties (server-side paging): in progress (`which: 'active'`, the default:
 * boarding, airborne, landed, or with an open discrepancy) or all, in order of departure, with the total the
 * caller may see and the cursor of the next page. Requires `airlift:read`.
 * @throws DomainError NOT_FOUND, INVALID_INPUT (a bad `which`, `limit` or `cursor`, the field named).
 */
export async function boardSorties(ctx: Ctx, planId: string, query: TBoardQuery = {}): Promise<TSortiePage> {
  requirePermission(ctx.principal, 'airlift:read');
  const parsed = ZBoardQuery.safeParse(query);
  if (!parsed.success) throw invalidMany(parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })));
  const { which, cursor, limit } = parsed.data;
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const plan = await planSummaryRow(ctx.db, scope, planId);
  if (!plan) throw notFound('plan', planId);
  const { rows, total } = await sortiePage(ctx.db, scope, planId, { active: which === 'active', limit: limit + 1, ...(after ? { after } : {}) });
  const shown = rows.slice(0, limit);
  const counts = await manifestCountsOf(ctx.db, shown.map((r) => r.id));
  const open = await openCountsBySortie(ctx.db, plan.operation_id);
  const mark = await markingsOf(ctx.db, shown.map((r) => r.marking_id));
  const last = shown[shown.length - 1];
  return {
    items: shown.map((r) => presentSortie(r, { manifested: counts.get(r.id) ?? 0, open: open.get(r.id) ?? 0, marking: mark(r.marking_id) })),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.depart, last.id])).toString('base64url') : null,
    total,
  };
}

function decodeCursor(cursor: string): { depart: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { depart: v[0], id: v[1] };
  } catch {
    // Falls through to the refusal below.
  }
  throw invalid('cursor', 'not a cursor this list gave (use nextCursor of the previous page)');
}

/**
 * Approves a draft for execution after checking it against all 18 rules. Approving a re-plan supersedes its
 * parent, and the parent's sorties that have started (boarding or later) carry over to the new plan in place
 * of the new plan's sorties of the same label: what has flown is kept, with its scans. Requires
 * `airlift:plan`; audited. A plan outside the parent chain of another approved plan that is still running
 * (a sortie neither closed nor cancelled) is refused when they share detainees: one person, two operations.
 * @throws DomainError NOT_FOUND, AIRLIFT_PLAN_NOT_DRAFT, AIRLIFT_PLAN_INVALID (every violation listed),
 *   AIRLIFT_PLAN_OVERLAP (the other plan named if the caller may see it, and the overlap the caller may see).
 */
export async function approvePlan(ctx: Ctx, id: string): Promise<TPlanSummary> {
  requirePermission(ctx.principal, 'airlift:plan');
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const row = await planSummaryRow(trx, scope, id);
    if (!row) throw notFound('plan', id);
    if (row.status !== 'draft') throw conflict(AirliftExecutionErrors.AIRLIFT_PLAN_NOT_DRAFT, `plan ${id} is ${row.status}, not a draft`, { reason: row.status });
    const check = checkPlan(JSON.parse(await planDocument(trx, id)));
    if (!check.valid) {
      throw new DomainError('invalid', AirliftErrors.AIRLIFT_PLAN_INVALID, `plan ${id} breaks ${check.violations.length} rules (first: rule ${check.violations[0]!.rule}: ${check.violations[0]!.message})`, {
        reason: 'the plan breaks the rules listed', violations: check.violations.slice(0, 20),
      });
    }
    await refuseOverlap(trx, scope, row);
    let carried = 0;
    const others = (await listPlanRows(trx, scope)).filter((p) => p.operation_id === row.operation_id && p.status === 'approved');
    for (const old of others) {
      await setPlanStatus(trx, old.id, { status: 'superseded' }, 'approved');
      const mine = new Map((await sortieRows(trx, scope, id)).map((s) => [s.label, s]));
      for (const s of await sortieRows(trx, scope, old.id)) {
        if (s.status === 'planned') continue;
        const replaced = mine.get(s.label);
        if (replaced && replaced.status === 'planned') await deleteSortie(trx, replaced.id);
        await updateSortie(trx, s.id, s.version, { plan_id: id });
        carried += 1;
      }
    }
    const now = ctx.clock.now().toISOString();
    if (!(await setPlanStatus(trx, id, { status: 'approved', approved_by: ctx.principal.username, approved_at: now }, 'draft'))) {
      throw conflict(AirliftExecutionErrors.AIRLIFT_PLAN_NOT_DRAFT, `plan ${id} was approved meanwhile`, { reason: 'changed' });
    }
    await ctx.audit.record(trx, { action: 'airlift.plan.approve', subjectType: 'airlift-plan', subjectId: id, details: { superseded: others.map((o) => o.id), carried } });
    const mark = await markingsOf(trx, [row.marking_id]);
    return presentPlan({ ...row, status: 'approved', approved_by: ctx.principal.username, approved_at: now }, mark(row.marking_id));
  });
}

/** The first ISNs of an overlap the error lists. */
const OVERLAP_LISTED = 20;

/**
 * Refuses approving `plan` while another approved, still running plan outside its parent chain covers some of
 * its detainees. The message and details show only what the caller may see: the other plan by id and name when
 * its banner is in the caller's scope (else "another approved plan"), the overlapping detainees whose records
 * the caller may see (their count and the first ISNs).
 */
async function refuseOverlap(db: Parameters<typeof overlappingPlans>[0], scope: Awaited<ReturnType<typeof scopeFor>>, plan: { id: string; operation_id: string }): Promise<void> {
  const others = await overlappingPlans(db, plan.id, plan.operation_id);
  if (others.length === 0) return;
  const inScope = new Set(scope.markingIds);
  const parts: string[] = [];
  const named: { plan: string | null; overlap: number; detainees: string[] }[] = [];
  for (const o of others) {
    const seen = [...(await visibleDetainees(db, scope, o.isns)).keys()].sort();
    const visible = inScope.has(o.markingId);
    const who = visible ? `approved plan "${o.name}" (${o.id})` : 'another approved plan you may not see';
    const what = seen.length > 0 ? `${seen.length} of its detainees (${seen.slice(0, OVERLAP_LISTED).join(', ')}${seen.length > OVERLAP_LISTED ? ', …' : ''})` : 'some of its detainees';
    parts.push(`${what} are in ${who}`);
    named.push({ plan: visible ? o.id : null, overlap: seen.length, detainees: seen.slice(0, OVERLAP_LISTED) });
  }
  throw conflict(AirliftExecutionErrors.AIRLIFT_PLAN_OVERLAP, `plan ${plan.id} cannot be approved: ${parts.join('; ')}, still running and not in its parent chain`, {
    reason: 'detainees of another approved, running plan outside its parent chain', plans: named,
  });
}
