import { requirePermission, type Ctx } from '../access/index.js';
import type { TAirliftPlan } from './airlift.schemas.js';
import { exportInstance } from './export-instance.js';
import { planInstance } from './plan.js';

/** What a caller asks to plan: an instance document, or (absent) the loaded scenario as it may see it. */
export interface PlanAirliftInput {
  instance?: unknown;
  allowUndelivered?: boolean;
}

/**
 * Plans for a caller: the given instance, or the loaded scenario scoped to what the caller may see. Requires
 * `airlift:plan`; audited with the objective and bound.
 * @throws DomainError FORBIDDEN, AIRLIFT_INSTANCE_INVALID, AIRLIFT_INFEASIBLE.
 */
export async function planAirlift(ctx: Ctx, input: PlanAirliftInput): Promise<TAirliftPlan> {
  requirePermission(ctx.principal, 'airlift:plan');
  const instance = input.instance ?? (await exportInstance(ctx));
  const plan = await planInstance(instance, { allowUndelivered: input.allowUndelivered ?? false });
  await ctx.audit.record(ctx.db, {
    action: 'airlift.plan', subjectType: 'airlift',
    details: { detainees: plan.instance.detainees.length, legs: plan.legs.length, expectedLoss: plan.objective.expectedLoss, bound: plan.bound.expectedLoss },
  });
  return plan;
}
