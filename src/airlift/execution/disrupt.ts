import { requirePermission, scopeFor, type Ctx } from '../../access/index.js';
import { notFound } from '../../kernel/index.js';
import type { TAirliftPlan, TReplanDiff } from '../airlift.schemas.js';
import type { TPlanSummary } from '../execution.schemas.js';
import { replan } from '../replan.js';
import { planDocument, planSummaryRow, sortieRows } from './plans.store.js';
import { savePlan } from './save-plan.js';

/** A declared disruption's answer: the re-plan, stored as a draft child of the plan, and what changed. */
export interface DisruptionResult {
  plan: TPlanSummary;
  diff: TReplanDiff;
}

/**
 * Declares a disruption against a stored plan and re-plans: every sortie that has started (boarding or later)
 * is kept exactly, later ones are flown again with the same people wherever they still can, and the rest is
 * planned anew (`replan`). The re-plan is stored as a draft whose parent is the plan, with the disruption and
 * the diff; approving it supersedes the plan. Requires `airlift:plan`; audited.
 * @throws DomainError NOT_FOUND, AIRLIFT_DISRUPTION_INVALID, AIRLIFT_INFEASIBLE.
 */
export async function declareDisruption(ctx: Ctx, planId: string, disruption: unknown): Promise<DisruptionResult> {
  requirePermission(ctx.principal, 'airlift:plan');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const row = await planSummaryRow(ctx.db, scope, planId);
  if (!row) throw notFound('plan', planId);
  const plan = JSON.parse(await planDocument(ctx.db, planId)) as TAirliftPlan;
  const started = (await sortieRows(ctx.db, scope, planId)).filter((s) => s.status !== 'planned' && s.status !== 'cancelled').map((s) => s.label);
  const result = await replan(plan.instance, plan, disruption, { frozenSortieIds: new Set(started) });
  const saved = await savePlan(ctx, { plan: result.plan, name: `${row.name} (re-plan)`, parentId: planId, disruption: result.diff.disruption, diff: result.diff });
  await ctx.audit.record(ctx.db, {
    action: 'airlift.disruption', subjectType: 'airlift-plan', subjectId: planId,
    details: { kind: result.diff.disruption.kind, replan: saved.id, moved: result.diff.moved.length, stranded: result.diff.stranded.length },
  });
  return { plan: saved, diff: result.diff };
}
