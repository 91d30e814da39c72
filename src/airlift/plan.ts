import { DomainError, invalidMany } from '../kernel/index.js';
import { AirliftErrors } from './airlift.errors.js';
import { PLAN_FORMAT, ZAirliftInstance, type TAirliftInstance, type TAirliftPlan, type TBound, type TLeg } from './airlift.schemas.js';
import { computeBound } from './bound.js';
import { boundInThread } from './bound-thread.js';
import { assertCarriable } from './feasibility.js';
import { compileNetwork, type Network } from './network.js';
import { computeObjective } from './objective.js';
import type { Craft, PlannedLeg } from './planner/craft.js';
import { schedule, type Progress, type Schedule } from './planner/schedule.js';
import { followFlights } from './trips.js';

/** How to plan. */
export interface PlanOptions {
  /** Return a plan that declares who it cannot deliver (`x-undelivered`) rather than refusing the instance. */
  allowUndelivered?: boolean;
  /** Told how many detainees have been moved so far. */
  progress?: Progress;
  /** Reasons for detainees known in advance to be undeliverable (a breached site), by id. */
  stranded?: ReadonlyMap<string, string>;
  /** Plan with the simple greedy baseline (nearest site first), for benchmarks. */
  greedy?: boolean;
  /**
   * Solve the bound in a worker thread while scheduling on this one. Default: for instances of more than
   * 20,000 detainees (below that, starting a thread costs more than it saves).
   */
  workers?: boolean;
}

/** Parses an instance. @throws DomainError AIRLIFT_INSTANCE_INVALID listing every problem. */
export function parseInstance(raw: unknown): TAirliftInstance {
  const parsed = ZAirliftInstance.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidMany(parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })), AirliftErrors.AIRLIFT_INSTANCE_INVALID);
}

/** The legs of every craft, in plan order, with empty legs at the end of a craft's day dropped. */
export function legsOf(net: Network, crafts: readonly Craft[], original?: ReadonlyMap<PlannedLeg, TLeg>): TLeg[] {
  const out: TLeg[] = [];
  for (const c of crafts) {
    const legs = [...c.legs];
    while (legs.length > 0 && legs[legs.length - 1]!.board.length === 0 && legs[legs.length - 1]!.alight.length === 0) legs.pop();
    for (const l of legs) {
      const kept = original?.get(l);
      if (kept) {
        out.push(kept);
        continue;
      }
      out.push({
        aircraft: c.spec.id, from: l.from, to: l.to, depart: net.iso(l.depart), arrive: net.iso(l.arrive), refuelBefore: l.refuelBefore,
        board: l.board, alight: l.alight, guards: l.guards, medic: l.medic, ...(l.sortie ? { sortie: l.sortie } : {}),
      });
    }
  }
  return out;
}

/** Assembles a plan document from legs: objective recomputed exactly as a checker would, then the bound. */
export async function assemblePlan(net: Network, legs: TLeg[], undelivered: { id: string; reason: string }[], knownBound?: TBound): Promise<TAirliftPlan> {
  const flights = followFlights(net, { legs }, []);
  const objective = computeObjective(net, flights);
  let lastDeparture = 0;
  for (const t of flights.firstBoard.values()) lastDeparture = Math.max(lastDeparture, t);
  const bound = knownBound ?? (await computeBound(net, lastDeparture + 1));
  const plan: TAirliftPlan = { format: PLAN_FORMAT, instance: net.instance, legs, objective, bound };
  if (undelivered.length > 0) plan['x-undelivered'] = undelivered;
  return plan;
}

/** The expected loss of a schedule, from the first departure of each detainee it moves (the others count whole). */
function lossOf(net: Network, s: Schedule): number {
  const first = new Map<string, number>();
  for (const c of s.crafts) for (const l of c.legs) for (const id of l.board) if (!first.has(id) || first.get(id)! > l.depart) first.set(id, l.depart);
  let loss = 0;
  for (const d of net.instance.detainees) {
    const t = first.get(d.id);
    loss += net.weight(d.tier) * (t === undefined ? 1 : 1 - Math.exp(-net.hazardIntegral(d.site, t)));
  }
  return loss;
}

/** Exponents of aircraft hours in the site score tried in turn; the schedule with the least expected loss wins. */
const EXPONENTS = [1, 0.5, 0.75];
/** Above this many detainees one variant only is scheduled (deterministic: never by the clock). */
const VARIANTS_UP_TO = 20_000;

function bestSchedule(net: Network, opts: PlanOptions): Schedule {
  if (opts.greedy) return schedule(net, { ...(opts.progress ? { progress: opts.progress } : {}), greedy: true });
  let best: { s: Schedule; loss: number } | null = null;
  const variants = net.instance.detainees.length > VARIANTS_UP_TO ? EXPONENTS.slice(0, 1) : EXPONENTS;
  for (const [i, hoursExponent] of variants.entries()) {
    // Progress over all variants: each counts for its share.
    const report = opts.progress;
    const progress = report ? { progress: (moved: number, total: number) => report(Math.round((i * total + moved) / variants.length), total) } : {};
    const s = schedule(net, { ...progress, hoursExponent });
    const loss = lossOf(net, s);
    if (!best || s.left.length < best.s.left.length || (s.left.length === best.s.left.length && loss < best.loss)) best = { s, loss };
  }
  return best!.s;
}

/**
 * Plans an instance: every detainee moved from its site to a destination under all 18 rules, the most
 * critical and most exposed first, with the lower bound and its gap.
 * @throws DomainError AIRLIFT_INSTANCE_INVALID (format), AIRLIFT_INFEASIBLE (a detainee no aircraft can carry,
 *   or — unless `allowUndelivered` — detainees the fleet cannot move within its availability).
 * @example
 *   const plan = await planInstance(JSON.parse(readFileSync('instance.json', 'utf8')));
 *   console.log(plan.objective.expectedLoss, plan.bound.expectedLoss);
 */
export async function planInstance(raw: unknown, opts: PlanOptions = {}): Promise<TAirliftPlan> {
  const instance = parseInstance(raw);
  const stranded = opts.stranded ?? new Map<string, string>();
  const movable = { ...instance, detainees: instance.detainees.filter((d) => !stranded.has(d.id)) };
  const net = compileNetwork(instance);
  const work = compileNetwork(movable);
  assertCarriable(work);
  const threaded = opts.workers ?? instance.detainees.length > VARIANTS_UP_TO;
  // The bound's LP runs in a worker thread meanwhile; the schedule is timed into it as before (its hint).
  const bound = threaded ? boundInThread(instance) : undefined;
  bound?.catch(() => undefined);
  const result = bestSchedule(work, opts);
  if (result.left.length > 0 && !opts.allowUndelivered) {
    throw new DomainError('invalid', AirliftErrors.AIRLIFT_INFEASIBLE, `${result.left.length} detainees cannot be moved: the fleet's availability windows, crew duty, intake or quotas run out first`, {
      reason: 'aircraft availability, crew duty, intake or quotas exhausted', constraint: 'capacity over the availability windows', stranded: result.left.slice(0, 20).map((d) => d.id),
    });
  }
  const undelivered = [
    ...[...stranded].map(([id, reason]) => ({ id, reason })),
    ...result.left.map((d) => ({ id: d.id, reason: 'no aircraft could carry it within the availability windows, duty, intake and quotas' })),
  ];
  return assemblePlan(net, legsOf(net, result.crafts), undelivered, bound ? await bound : undefined);
}

/** The relative gap between a plan's expected loss and its bound (0 when both are 0). */
export function gapOf(plan: Pick<TAirliftPlan, 'objective' | 'bound'>): number {
  const v = plan.objective.expectedLoss;
  return v <= 0 ? 0 : (v - plan.bound.expectedLoss) / v;
}
