import { ZAirliftPlan, type TAirliftPlan, type TObjective, type TViolation } from './airlift.schemas.js';
import { checkAircraft, checkLandingSlots, checkReferences } from './check-aircraft.js';
import { checkCapacities, checkJourneys, checkLoad } from './check-people.js';
import { checkNationalityQuotas } from './check-nationality.js';
import { checkConditions } from './check-conditions.js';
import { conditionsOf, type TConditionByHand } from './conditions.schemas.js';
import { compileNetwork } from './network.js';
import { computeObjective } from './objective.js';
import { followFlights } from './trips.js';

/** The outcome of checking a plan: every violation found, and the objective as the checker recomputes it. */
export interface CheckResult {
  valid: boolean;
  violations: TViolation[];
  objective: TObjective | null;
  /** Agreement conditions no program can check (`x-conditionsByHand`), for a person to check; absent when none. */
  conditionsByHand?: TConditionByHand[];
}

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

function checkObjective(plan: TAirliftPlan, mine: TObjective, out: TViolation[]): void {
  const theirs = plan.objective;
  if (!close(theirs.expectedLoss, mine.expectedLoss, 1e-6)) out.push({ rule: 0, message: `objective.expectedLoss ${theirs.expectedLoss} but recomputed ${mine.expectedLoss}` });
  if (Math.abs(theirs.flightHours - mine.flightHours) > 1 / 60) out.push({ rule: 0, message: `objective.flightHours ${theirs.flightHours} but recomputed ${mine.flightHours}` });
  const c = mine.completionHours;
  if ((c === null) !== (theirs.completionHours === null) || (c !== null && Math.abs((theirs.completionHours ?? 0) - c) > 1 / 60)) {
    out.push({ rule: 0, message: `objective.completionHours ${String(theirs.completionHours)} but recomputed ${String(c)}` });
  }
  if (plan.bound.expectedLoss > mine.expectedLoss * (1 + 1e-9) + 1e-9) out.push({ rule: 0, message: `bound.expectedLoss ${plan.bound.expectedLoss} exceeds the plan's ${mine.expectedLoss}` });
  if (c !== null && plan.bound.completionHours > c + 1 / 60) out.push({ rule: 0, message: `bound.completionHours ${plan.bound.completionHours} exceeds the plan's ${c}` });
}

/**
 * Checks a plan against its embedded instance: the format (JSON Schema rules), then every one of the 18 rules
 * of formats/airlift.md, the extension rules `x-1` (per-nationality quotas) and `x-2` … `x-5` (agreement
 * conditions: daylight, observer, manifest notice, medical screening; docs/airlift.md) when the instance has
 * their fields, then the objective and bound it states (reported as rule 0). Pure; never throws on a bad
 * plan — every problem is a violation.
 * @example
 *   const { valid, violations } = checkPlan(JSON.parse(text));
 *   for (const v of violations) console.log(`rule ${v.rule}: ${v.message}`);
 */
export function checkPlan(raw: unknown): CheckResult {
  const parsed = ZAirliftPlan.safeParse(raw);
  if (!parsed.success) {
    const violations = parsed.error.issues.map((i) => ({ rule: 0, message: `format: ${i.path.join('.') || '(plan)'}: ${i.message}` }));
    return { valid: false, violations, objective: null };
  }
  const plan = parsed.data;
  const net = compileNetwork(plan.instance);
  const out: TViolation[] = [];
  const flights = followFlights(net, plan, out);
  checkReferences(net, [...flights.byAircraft.values()].flat(), out);
  for (const [id, legs] of flights.byAircraft) {
    const craft = net.aircraft.get(id);
    if (craft) checkAircraft(net, craft, legs, out);
    for (const f of legs) checkLoad(net, f, out);
  }
  checkLandingSlots(net, flights, out);
  const undelivered = new Set((plan['x-undelivered'] ?? []).map((u) => u.id));
  checkCapacities(net, checkJourneys(net, flights, out, undelivered), out);
  checkNationalityQuotas(net, flights, out);
  checkConditions(net, flights, out);
  const objective = computeObjective(net, flights);
  checkObjective(plan, objective, out);
  // The 18 rules in order, then the extension rules.
  const order = (r: TViolation['rule']) => (typeof r === 'number' ? r : 100 + Number(r.slice(2)));
  out.sort((a, b) => order(a.rule) - order(b.rule));
  const byHand = conditionsOf(plan.instance).byHand;
  return { valid: out.length === 0, violations: out, objective, ...(byHand.length > 0 ? { conditionsByHand: byHand } : {}) };
}
