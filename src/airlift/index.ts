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
/**
 * Agreement conditions (extension rules x-2 … x-5, docs/airlift.md): their instance fields and readers,
 * `describeConditions` for a report, `noticeFrozenSorties` (the sorties a re-plan must keep for the manifest notice).
 */
export * from './conditions.schemas.js';
export { noticeFrozenSorties } from './notice-freeze.js';
/** `replan(instance, plan, disruption, options)`: a new plan after a disruption, keeping what has flown, and its diff. */
export { replan } from './replan.js';
export type { ReplanOptions, ReplanResult } from './replan.js';

// ------------------------------------------------------------------------------------------------------------
// Execution: stored plans, sorties, scans, discrepancies, reconciliation (docs/airlift.md, "Execution").

/** Schemas of stored plans, sorties, scans, discrepancies and the reconciliation; the wristband check character. */
export * from './execution.schemas.js';
export { AirliftExecutionErrors } from './airlift.errors.js';
/** `savePlan` stores a plan for execution (draft); `approvePlan` checks and approves it, superseding its parent. */
export { savePlan, parsePlan } from './execution/save-plan.js';
export type { SavePlanInput } from './execution/save-plan.js';
export { listPlans, showPlan, planSorties, boardSorties, approvePlan } from './execution/plans.js';
/** `sortiesOfPlan`: a plan's legs grouped into sorties with their manifests (pure). */
export { sortiesOfPlan } from './execution/sorties.js';
/** The pure rules of execution: how a scan is judged, places folded from effects, the running tally. */
export { judgeScan, placesOf, Tally, stillAboard } from './execution/engine.js';
export type { Place, Effect } from './execution/engine.js';
/**
 * `recordScan(cx, scan)`: one boarding or arrival scan, judged, stored and (with `cx.keyring`) signed into the
 * custody log. `syncScans` records a scanner's queue. `setSortieStatus` moves a sortie (close checks everyone).
 * @example await recordScan({ ...ctx, keyring }, { id: ulid, sortie, kind: 'board', code: wristbandCode(isn), scannedAt });
 */
export { recordScan } from './execution/record-scan.js';
export type { ExecCtx } from './execution/custody-seam.js';
export { setSortieStatus } from './execution/sortie-status.js';
export type { SortieStatusResult } from './execution/sortie-status.js';
export { resolveDiscrepancy } from './execution/resolve.js';
export { reconcile, showSortie, listDiscrepancies, syncScans } from './execution/reconcile.js';
/** `releaseManifest`: the holding agency proposes custody handovers onto the aircraft for a sortie's manifest. */
export { releaseManifest } from './execution/release-manifest.js';
export type { ReleaseResult } from './execution/release-manifest.js';
/** Printouts: wristband labels and manifests with tick boxes (HTML, PDF), manifests as CSV; the paper manifest entered back. */
export { wristbandLabels, manifestSheet, labelsHtml, labelsPdf, manifestHtml, manifestPdf, manifestCsv } from './execution/printables.js';
export type { Labels, ManifestSheet } from './execution/printables.js';
export { enterPaperManifest } from './execution/paper-entry.js';
/** `declareDisruption(ctx, planId, disruption)`: re-plans a stored plan, keeping the sorties started, and stores the draft with its diff. */
export { declareDisruption } from './execution/disrupt.js';
export type { DisruptionResult } from './execution/disrupt.js';
/** The airlift's contributions to the coordination agenda and the outcome dashboard (src/access/contributions.ts). */
export { airliftAgendaSource, airliftOutcomeSource } from './execution/contributions.js';
