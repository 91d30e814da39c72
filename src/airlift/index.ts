/**
 * The airlift planner: instances and plans in format version 1 (docs/formats/airlift.md), the checker of its
 * 18 rules, the planner with its lower bound, and the export of the loaded scenario as an instance.
 */

/** Zod schemas and types of instances, plans, legs, objectives, bounds and violations (browser-safe). */
export * from './airlift.schemas.js';
/** This module's error codes: AIRLIFT_INSTANCE_INVALID, AIRLIFT_INFEASIBLE, AIRLIFT_PLAN_INVALID, AIRLIFT_DISRUPTION_INVALID. */
export { AirliftErrors } from './airlift.errors.js';
/** `checkPlan(plan)`: every violation of the 18 rules and of the stated objective and bound; pure, never throws. */
export { checkPlan } from './check.js';
export type { CheckResult } from './check.js';
/** `planInstance(instance, opts)`: a valid plan with its bound; `parseInstance` validates; `gapOf` is the relative gap. */
export { planInstance, parseInstance, gapOf } from './plan.js';
export type { PlanOptions } from './plan.js';
/** `computeBound(network)`: the LP lower bound alone; `compileNetwork` prepares an instance for it. */
export { computeBound } from './bound.js';
export { compileNetwork } from './network.js';
/** `buildInstance(source, opts)`: an instance from registry-shaped records (the scenario, a test). */
export { buildInstance } from './build-instance.js';
export type { InstanceSource, InstanceOptions } from './build-instance.js';
/** `exportInstance(ctx, opts)`: the loaded scenario as an instance, scoped to the caller. Requires `airlift:plan`. */
export { exportInstance } from './export-instance.js';
/** `planAirlift(ctx, input)`: plans for a caller (an instance, or the scoped scenario). Requires `airlift:plan`. */
export { planAirlift } from './plan-airlift.js';
export type { PlanAirliftInput } from './plan-airlift.js';
/** `replan(instance, plan, disruption, options)`: a new plan after a disruption, keeping what has flown, and its diff. */
export { replan } from './replan.js';
export type { ReplanOptions, ReplanResult } from './replan.js';
