import { DomainError, invalidMany } from '../kernel/index.js';
import { AirliftErrors } from './airlift.errors.js';
import {
  closedNodeOf, PLAN_FORMAT, ZAirliftPlan, ZDisruption,
  type TAirliftDetainee, type TAirliftInstance, type TAirliftPlan, type TBound, type TDisruption, type TLeg, type TObjective, type TReplanDiff, type TSortieRef,
} from './airlift.schemas.js';
import { computeBound } from './bound.js';
import { whyUncarriable } from './feasibility.js';
import { compileNetwork, type Network } from './network.js';
import { canLiftFrom, carryLeft } from './replan-carry.js';
import { legsOf, parseInstance } from './plan.js';
import { Craft, type PlannedLeg } from './planner/craft.js';
import { schedule, type Intent, type Seed } from './planner/schedule.js';
import { followFlights } from './trips.js';
import { withNoticeFrozen } from './notice-freeze.js';

/**
 * Re-planning after a disruption. The sorties already flown or airborne are kept exactly. Two re-plans of the
 * rest are made and compared by the objective: the local repair — every later sortie of the plan flown again by
 * the same aircraft with the same people wherever it still can (perhaps at another time), only the people whose
 * sortie can no longer fly moved onto the earliest capacity the scheduler finds — and the full re-plan — the
 * unflown remainder planned from scratch from the kept legs on. The better is kept, the one moving fewer
 * manifests when their expected losses are close (`choose`). See docs/airlift.md, "Re-planning".
 */

/** How to re-plan. */
export interface ReplanOptions {
  /**
   * Sorties already flown or airborne (labels of `leg.sortie`), kept exactly as they are. Default: every
   * sortie with a leg departing before the disruption's `at`, and unlabelled legs departing before it.
   */
  frozenSortieIds?: ReadonlySet<string>;
  /** Solve the lower bound again for the disrupted instance (slower); by default the plan's bound is kept. */
  recomputeBound?: boolean;
  /**
   * 'stability' (default): every later sortie that can still fly is flown first, as it was; the people it
   * leaves behind follow — the fewest manifests moved. 'expected-loss': the people left behind go before a
   * replayed sortie when carrying them is worth more; lower expected loss, more manifests moved.
   */
  favour?: 'stability' | 'expected-loss';
  /**
   * 'best' (default): both the local repair and the full re-plan, the better kept by `choose`. 'local' or
   * 'full': that one alone.
   */
  strategy?: 'best' | 'local' | 'full';
}

/** The new plan (against the disrupted instance) and what changed. */
export interface ReplanResult {
  plan: TAirliftPlan;
  diff: TReplanDiff;
}

function parseDisruption(raw: unknown, instance: TAirliftInstance): TDisruption {
  const parsed = ZDisruption.safeParse(raw);
  if (!parsed.success) {
    throw invalidMany(parsed.error.issues.map((i) => ({ field: `disruption.${i.path.join('.')}`, reason: i.message })), AirliftErrors.AIRLIFT_DISRUPTION_INVALID);
  }
  const d = parsed.data;
  const kindOf = (id: string) => instance.nodes.find((n) => n.id === id)?.kind;
  const bad = (field: string, reason: string) => new DomainError('invalid', AirliftErrors.AIRLIFT_DISRUPTION_INVALID, `disruption.${field}: ${reason}`, { field: `disruption.${field}`, reason });
  if (d.kind === 'aircraft-out-of-service' && !instance.aircraft.some((a) => a.id === d.aircraft)) throw bad('aircraft', `no aircraft ${d.aircraft} in the instance`);
  if ((d.kind === 'site-breached' || d.kind === 'site-cut-off') && kindOf(d.site) !== 'origin') throw bad('site', `${d.site} is not an origin of the instance`);
  if (d.kind === 'landing-zone-closed' && kindOf(d.node) === undefined) throw bad('node', `no node ${d.node} in the instance`);
  if (d.kind === 'intake-halted' && kindOf(d.destination) !== 'destination') throw bad('destination', `${d.destination} is not a destination of the instance`);
  return d;
}

function parsePlan(raw: unknown): TAirliftPlan {
  const parsed = ZAirliftPlan.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidMany(parsed.error.issues.map((i) => ({ field: `plan.${i.path.join('.')}`, reason: i.message })), AirliftErrors.AIRLIFT_PLAN_INVALID);
}

const labelOf = (l: TLeg): string | null => l.sortie ?? null;

/** Per aircraft, the length of the prefix of its legs (in order of departure) that is kept. */
function frozenPrefixes(net: Network, byAircraft: Map<string, TLeg[]>, at: number, frozenIds: ReadonlySet<string> | undefined): Map<string, number> {
  const cut = new Map<string, number>();
  // By default a sortie is kept when any of its legs departs before `at` (it has flown or is airborne).
  const started = new Set<string>();
  if (!frozenIds) for (const legs of byAircraft.values()) for (const l of legs) if (l.sortie !== undefined && net.hours(l.depart) < at) started.add(l.sortie);
  const ids = frozenIds ?? started;
  for (const [aircraft, legs] of byAircraft) {
    let n = 0;
    legs.forEach((l, i) => {
      const label = labelOf(l);
      const marked = label !== null ? ids.has(label) : !frozenIds && net.hours(l.depart) < at;
      if (marked) n = i + 1;
    });
    cut.set(aircraft, n);
  }
  // A kept prefix ends with the aircraft empty; a kept boarding at a staging node keeps the flight that brought
  // the detainee there. Repeat until nothing changes.
  const alightLeg = new Map<string, { aircraft: string; index: number; node: string }[]>();
  for (const [aircraft, legs] of byAircraft) {
    legs.forEach((l, index) => {
      for (const id of l.alight) {
        const list = alightLeg.get(id) ?? [];
        list.push({ aircraft, index, node: l.to });
        alightLeg.set(id, list);
      }
    });
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [aircraft, legs] of byAircraft) {
      let n = cut.get(aircraft)!;
      const aboard = new Set<string>();
      for (let i = 0; i < legs.length && (i < n || aboard.size > 0); i++) {
        for (const id of legs[i]!.board) aboard.add(id);
        for (const id of legs[i]!.alight) aboard.delete(id);
        if (i >= n) n = i + 1;
      }
      // Nor does it leave the aircraft on the ground at an origin, where it came to load.
      while (n > 0 && n < legs.length && net.nodes.get(legs[n - 1]!.to)?.kind === 'origin') n++;
      if (n !== cut.get(aircraft)) {
        cut.set(aircraft, n);
        changed = true;
      }
      for (let i = 0; i < n; i++) {
        const l = legs[i]!;
        if (net.nodes.get(l.from)?.kind !== 'staging') continue;
        for (const id of l.board) {
          const before = (alightLeg.get(id) ?? []).filter((a) => a.node === l.from && net.hours(byAircraft.get(a.aircraft)![a.index]!.arrive) <= net.hours(l.depart));
          for (const a of before) {
            if ((cut.get(a.aircraft) ?? 0) <= a.index) {
              cut.set(a.aircraft, a.index + 1);
              changed = true;
            }
          }
        }
      }
    }
  }
  return cut;
}

function plannedOf(net: Network, l: TLeg): PlannedLeg {
  return {
    from: l.from, to: l.to, depart: net.hours(l.depart), arrive: net.hours(l.arrive), refuelBefore: l.refuelBefore,
    board: [...l.board], alight: [...l.alight], guards: l.guards, medic: l.medic, sortie: l.sortie ?? '',
  };
}

interface SortieInfo {
  sortie: string;
  aircraft: string;
  depart: string;
  route: string;
  ids: string[];
}

function sortiesOf(legs: readonly TLeg[]): Map<string, SortieInfo> {
  const out = new Map<string, SortieInfo>();
  for (const l of legs) {
    const label = labelOf(l);
    if (label === null) continue;
    const s = out.get(label);
    if (!s) out.set(label, { sortie: label, aircraft: l.aircraft, depart: l.depart, route: `${l.from}>${l.to}`, ids: [...l.board] });
    else {
      if (l.depart < s.depart) s.depart = l.depart;
      s.route += `>${l.to}`;
      s.ids.push(...l.board);
    }
  }
  return out;
}

/** Each detainee's sorties, in order of boarding. */
function ridesOf(net: Network, legs: readonly TLeg[]): Map<string, string[]> {
  const sorted = legs.filter((l) => l.board.length > 0).sort((a, b) => net.hours(a.depart) - net.hours(b.depart));
  const out = new Map<string, string[]>();
  for (const l of sorted) {
    for (const id of l.board) {
      const list = out.get(id) ?? [];
      list.push(labelOf(l) ?? `${l.aircraft}@${l.depart}`);
      out.set(id, list);
    }
  }
  return out;
}

function strandReason(d: TDisruption, held: boolean): string {
  switch (d.kind) {
    case 'site-breached':
      return `site ${d.site} breached at ${d.at}; still inside`;
    case 'site-cut-off':
      return `site ${d.site} cut off at ${d.at}; no aircraft can reach it`;
    case 'landing-zone-closed':
      return held ? `held at ${d.node}, whose landing zone closed at ${d.at}; no onward flight can land` : `landing zone at ${d.node} closed at ${d.at}; no aircraft can land to take them out`;
    case 'intake-halted':
      return `intake at ${d.destination} halted at ${d.at}`;
    case 'aircraft-out-of-service':
      return `aircraft ${d.aircraft} out of service at ${d.at}`;
  }
}

/**
 * The disrupted instance: the disruption appended to `x-disruptions`; an aircraft out of service becomes
 * unavailable from `at` (or from the end of its airborne sortie, which is kept).
 */
function disruptedInstance(instance: TAirliftInstance, d: TDisruption, net: Network, lastKeptArrival: Map<string, number>): TAirliftInstance {
  const previous = Array.isArray(instance['x-disruptions']) ? (instance['x-disruptions'] as unknown[]) : [];
  const out: TAirliftInstance = { ...instance, 'x-disruptions': [...previous, d] };
  if (d.kind === 'aircraft-out-of-service') {
    out.aircraft = instance.aircraft.map((a) => {
      if (a.id !== d.aircraft) return a;
      const until = Math.min(net.hours(a.availableUntil), Math.max(net.hours(d.at), lastKeptArrival.get(a.id) ?? -Infinity));
      return { ...a, availableUntil: net.iso(Math.ceil(until * 3600) / 3600) };
    });
  }
  return out;
}

/**
 * Re-plans `plan` of `instance` after `disruption`: keeps every sortie already flown or airborne, flies every
 * later sortie again with the same aircraft and people where it still can, moves as few manifests as it can,
 * and names who is stranded and why. The new plan embeds the disrupted instance (with `x-disruptions`) and
 * passes `checkPlan`. Its bound is the old plan's (still a lower bound: a disruption only restricts the
 * instance) unless `recomputeBound`.
 * @throws DomainError AIRLIFT_INSTANCE_INVALID, AIRLIFT_PLAN_INVALID (format), AIRLIFT_DISRUPTION_INVALID.
 * @example
 *   const { plan: next, diff } = await replan(plan.instance, plan, { kind: 'aircraft-out-of-service', aircraft: 'YI-301', at: '2027-01-05T14:00:00Z' });
 */
export async function replan(instanceRaw: unknown, planRaw: unknown, disruptionRaw: unknown, options: ReplanOptions = {}): Promise<ReplanResult> {
  const plan = parsePlan(planRaw);
  // The plan embeds its instance: parsed once when the caller passes that same object.
  const instance = instanceRaw === (planRaw as { instance?: unknown } | null)?.instance ? plan.instance : parseInstance(instanceRaw);
  const disruption = parseDisruption(disruptionRaw, instance);
  const net = compileNetwork(instance);
  const at = net.hours(disruption.at);

  const byAircraft = new Map<string, TLeg[]>();
  for (const l of plan.legs) {
    const list = byAircraft.get(l.aircraft) ?? [];
    list.push(l);
    byAircraft.set(l.aircraft, list);
  }
  for (const list of byAircraft.values()) list.sort((a, b) => net.hours(a.depart) - net.hours(b.depart));
  const cut = frozenPrefixes(net, byAircraft, at, withNoticeFrozen(plan, disruption, options.frozenSortieIds));
  const frozenLegs: TLeg[] = [];
  const laterLegs: TLeg[] = [];
  const lastKeptArrival = new Map<string, number>();
  for (const [aircraft, legs] of byAircraft) {
    const n = cut.get(aircraft) ?? 0;
    frozenLegs.push(...legs.slice(0, n));
    laterLegs.push(...legs.slice(n));
    if (n > 0) lastKeptArrival.set(aircraft, net.hours(legs[n - 1]!.arrive));
  }

  const disrupted = disruptedInstance(instance, disruption, net, lastKeptArrival);
  const dnet = compileNetwork(disrupted);

  // Where everyone is after the kept legs.
  const kept = followFlights(dnet, { legs: frozenLegs }, []);
  const boarded = new Set(kept.firstBoard.keys());
  const held: Seed['held'] = [];
  const stays: Seed['stays'] = [];
  for (const [id, trips] of kept.trips) {
    trips.forEach((t, i) => {
      if (dnet.nodes.get(t.to)?.kind !== 'staging') return;
      const next = trips[i + 1];
      if (next) stays.push({ staging: t.to, from: t.arrive, to: next.depart });
      else held.push({ id, staging: t.to, alight: t.arrive });
    });
  }

  // Who is stranded: still in a site that a disruption (this one or an earlier one) closed.
  const closedBy = new Map<string, TDisruption>();
  for (const d of dnet.disruptions) {
    const node = closedNodeOf(d);
    if (node !== null && !closedBy.has(node)) closedBy.set(node, d);
  }
  const stranded = new Map<string, string>();
  // And whoever no aircraft left after the disruption could legally carry at all (named with the constraint):
  // the scheduler is not asked to look for them.
  const why = uncarriable(dnet, at);
  for (const d of disrupted.detainees) {
    if (boarded.has(d.id)) continue;
    const by = closedBy.get(d.site);
    if (by) stranded.set(d.id, strandReason(by, false));
    else {
      const reason = why(d);
      if (reason !== null) stranded.set(d.id, `no aircraft left after the disruption can carry it: ${reason}`);
    }
  }

  // The later sorties of the plan, to fly again.
  const intents = new Map<string, Intent[]>();
  const onward = new Map<string, { aircraft: string; label: string; depart: number }>();
  const counters = new Map<string, number>();
  for (const l of plan.legs) {
    const m = /\/(\d+)$/.exec(l.sortie ?? '');
    if (m && l.sortie!.startsWith(`${l.aircraft}/`)) counters.set(l.aircraft, Math.max(counters.get(l.aircraft) ?? 0, Number(m[1])));
  }
  for (const l of laterLegs) {
    const label = labelOf(l) ?? `${l.aircraft}@${l.depart}`;
    if (l.board.length === 0) continue;
    const kind = dnet.nodes.get(l.from)?.kind;
    if (kind === 'origin') {
      const ids = l.board.filter((id) => !stranded.has(id) && !boarded.has(id));
      const legs = byAircraft.get(l.aircraft)!;
      const drop = legs.slice(legs.indexOf(l)).find((x) => x.alight.length > 0)?.to ?? l.to;
      const list = intents.get(l.aircraft) ?? [];
      list.push({ label, site: l.from, drop, ids, depart: net.hours(l.depart) });
      intents.set(l.aircraft, list);
    } else if (kind === 'staging') {
      for (const id of l.board) onward.set(id, { aircraft: l.aircraft, label, depart: net.hours(l.depart) });
    }
  }

  const work = compileNetwork({ ...disrupted, detainees: disrupted.detainees.filter((d) => !stranded.has(d.id)) });
  // Shuttle aircraft fly their later legs again as they were, up to the first one the disruption forbids.
  const preloadLegs = new Map<string, TLeg[]>();
  for (const [aircraft, legs] of byAircraft) {
    const spec = work.aircraft.get(aircraft);
    const type = spec ? work.types.get(spec.type) : undefined;
    if (!spec || !type || type.canLandAt.includes('origin')) continue;
    const until = work.hours(spec.availableUntil);
    const again: TLeg[] = [];
    for (const l of legs.slice(cut.get(aircraft) ?? 0)) {
      if (work.hours(l.depart) < at || work.hours(l.arrive) > until || work.closed.has(l.from) || work.closed.has(l.to)) break;
      again.push(l);
    }
    // A run cut short would leave the aircraft away from where its next run starts: keep whole runs only.
    while (again.length > 0 && work.nodes.get(again[again.length - 1]!.to)?.kind !== 'destination') again.pop();
    preloadLegs.set(aircraft, again);
  }

  const ctx: ReplanContext = { net, dnet, work, plan, frozenLegs, stranded, closedBy, at, disruption, ridesBefore: ridesOf(net, plan.legs) };
  const common = { at, boarded, held, stays, counters };
  const strategy = options.strategy ?? 'best';
  const candidates: Candidate[] = [];
  if (strategy !== 'full') {
    // The local repair: every later sortie flown again by its aircraft with its people where it still can.
    candidates.push(runCandidate(ctx, 'local', (frozen) => ({
      ...common, frozen, intents, onward, favour: options.favour === 'expected-loss' ? 1.05 : Infinity,
      preload: new Map([...preloadLegs].map(([a, legs]) => [a, legs.map((l) => ({ ...plannedOf(work, l), board: [], alight: [], guards: 0, medic: false }))])),
    })));
  }
  if (strategy !== 'local') {
    // The full re-plan: the unflown remainder planned from scratch by the scheduler, from the kept legs on
    // (its site scores tried with each exponent the planner tries, or one with many left to move; the best by
    // the objective).
    let best: Candidate | null = null;
    const toMove = work.instance.detainees.length - boarded.size;
    for (const hoursExponent of toMove > FULL_VARIANTS_UP_TO ? FULL_EXPONENTS.slice(0, 1) : FULL_EXPONENTS) {
      const c = runCandidate(ctx, 'full', (frozen) => ({ ...common, frozen, intents: new Map(), onward: new Map(), preload: new Map(), favour: Infinity }), hoursExponent);
      if (!best || better(c, best)) best = c;
    }
    candidates.push(best!);
  }
  const { chosen, reason } = choose(candidates);

  const bound: TBound | undefined = options.recomputeBound
    ? await computeBound(dnet)
    : { ...plan.bound, method: `${plan.bound.method.replace(/ \(kept after .*\)$/, '')} (kept after a disruption: the disrupted instance only restricts the one it was computed for)` };
  // The plan document as the planner assembles one, with the objective already computed for the choice.
  const next: TAirliftPlan = { format: PLAN_FORMAT, instance: dnet.instance, legs: chosen.legs, objective: chosen.objective, bound };
  if (chosen.undelivered.length > 0) next['x-undelivered'] = chosen.undelivered;
  const summary = (c: Candidate) => ({ kind: c.kind, objective: c.objective, moved: c.diff.moved.length, stranded: c.undelivered.length });
  return { plan: next, diff: { ...chosen.diff, objectiveAfter: next.objective, strategy: { chosen: chosen.kind, reason, candidates: candidates.map(summary) } } };
}

/**
 * The full re-plan's site-score exponents (the planner's variants), the first alone above FULL_VARIANTS_UP_TO
 * detainees left to move (0.5 first: the best of the three in the reference's re-plans).
 */
const FULL_EXPONENTS = [0.5, 1, 0.75];
const FULL_VARIANTS_UP_TO = 2000;
/**
 * Expected losses within this fraction of each other (relative to the larger) count as close: the candidate
 * that moves fewer detainees to other sorties is kept (docs/airlift.md, "Re-planning").
 */
export const CLOSE_LOSS = 0.01;

interface ReplanContext {
  net: Network;
  /** The disrupted instance (every detainee). */
  dnet: Network;
  /** The disrupted instance without the detainees a closed site strands. */
  work: Network;
  plan: TAirliftPlan;
  frozenLegs: readonly TLeg[];
  stranded: ReadonlyMap<string, string>;
  closedBy: ReadonlyMap<string, TDisruption>;
  at: number;
  disruption: TDisruption;
  /** Each detainee's sorties in the plan (for the diffs). */
  ridesBefore: Map<string, string[]>;
}

/** One re-plan considered: its legs, who it leaves undelivered, its objective and its diff against the plan. */
interface Candidate {
  kind: 'local' | 'full';
  legs: TLeg[];
  undelivered: { id: string; reason: string }[];
  objective: TObjective;
  /** Computed when asked (a candidate that loses early never needs it). */
  readonly diff: TReplanDiff;
}

/** Schedules one candidate from the kept legs (fresh planned copies each time: the scheduler appends to them). */
function runCandidate(ctx: ReplanContext, kind: Candidate['kind'], seedOf: (frozen: Map<string, PlannedLeg[]>) => Seed, hoursExponent?: number): Candidate {
  const { work, dnet } = ctx;
  const frozen = new Map<string, PlannedLeg[]>();
  const original = new Map<PlannedLeg, TLeg>();
  for (const l of ctx.frozenLegs) {
    const p = plannedOf(work, l);
    original.set(p, l);
    const list = frozen.get(l.aircraft) ?? [];
    list.push(p);
    frozen.set(l.aircraft, list);
  }
  const result = schedule(work, { seed: seedOf(frozen), ...(hoursExponent !== undefined ? { hoursExponent } : {}) });
  const undelivered = [...ctx.stranded].map(([id, reason]) => ({ id, reason }));
  for (const h of result.heldLeft) {
    const by = ctx.closedBy.get(h.staging);
    // With every destination closed, that is why nobody can fly them on.
    const dests = work.instance.nodes.filter((n) => n.kind === 'destination');
    const shut = dests.length > 0 && dests.every((n) => ctx.closedBy.has(n.id)) ? ctx.closedBy.get(dests[0]!.id) : undefined;
    undelivered.push({ id: h.id, reason: by ? strandReason(by, true) : shut ? `held at ${h.staging}; ${strandReason(shut, false)}${dests.length > 1 ? ' and every other destination closed' : ', the only destination'}` : `held at ${h.staging}; no onward flight can take them within the availability windows, duty, intake and quotas` });
  }
  // Whoever the schedule left in an open site goes with any aircraft that can still carry them.
  const left = carryLeft(work, result.crafts, result.left, ctx.at);
  for (const d of left) undelivered.push({ id: d.id, reason: 'no aircraft can carry it within the availability windows, duty, intake and quotas left after the disruption' });
  const legs = legsOf(work, result.crafts, original);
  if (kind === 'full') relabel(ctx, legs);
  const objective = objectiveOf(dnet, legs);
  let diff: TReplanDiff | undefined;
  return {
    kind, legs, undelivered, objective,
    get diff() {
      diff ??= diffOf(ctx, { legs, objective }, undelivered);
      return diff;
    },
  };
}

/**
 * Why no aircraft still available after the disruption could ever carry a detainee (`whyUncarriable` on the
 * fleet as it is from `at` on: an aircraft out of service is available until then only), or null.
 */
function uncarriable(dnet: Network, at: number): (d: TAirliftDetainee) => string | null {
  const lost = new Set(dnet.disruptions.flatMap((d) => (d.kind === 'aircraft-out-of-service' ? [d.aircraft] : [])));
  const remaining = compileNetwork({
    ...dnet.instance,
    aircraft: dnet.instance.aircraft.map((a) => {
      if (lost.has(a.id)) return { ...a, availableFrom: a.availableUntil };
      return dnet.hours(a.availableFrom) < at ? { ...a, availableFrom: dnet.iso(Math.min(at, dnet.hours(a.availableUntil))) } : a;
    }),
  });
  const memo = new Map<string, string | null>();
  const reach = new Map<string, string | null>();
  const pickers = remaining.instance.aircraft.map((a) => new Craft(remaining, a, remaining.types.get(a.type)!)).filter((c) => c.until > c.from && c.type.canLandAt.includes('origin'));
  return (d) => {
    const why = whyUncarriable(remaining, d, memo);
    if (why !== null) return why;
    const key = `${d.site}\n${seatsFor(remaining, d)}`;
    if (!reach.has(key)) {
      const need = seatsFor(remaining, d);
      reach.set(key, pickers.some((c) => c.type.seats >= need && canLiftFrom(c, d.site)) ? null : `no aircraft left with ${need} seats can reach ${d.site} with fuel enough to fly out of it to a destination or a refuel stop`);
    }
    return reach.get(key)!;
  };
}

/** Seats one detainee needs alone on a leg: itself, its escort rounded up, a medic if it needs one. */
function seatsFor(net: Network, d: TAirliftDetainee): number {
  const { rules } = net.instance;
  return 1 + Math.ceil(rules.escortPerDetainee[d.tier] - 1e-9) + (d.medical ? rules.medicSeats : 0);
}

/**
 * The full re-plan numbers its sorties anew; where one of them is flown by the aircraft of a later sortie of the
 * old plan and carries some of the same people, it takes that sortie's label (the pairs sharing the most people
 * first, each label once, never a kept sortie's): those people keep their sortie, and the diff counts a changed
 * manifest rather than a cancelled and an added sortie. Labels are names only (no rule reads them).
 */
function relabel(ctx: ReplanContext, legs: TLeg[]): void {
  const frozen = new Set(ctx.frozenLegs.flatMap((l) => (l.sortie !== undefined ? [l.sortie] : [])));
  const oldOf = new Map<string, string>();
  const oldAircraft = new Map<string, string>();
  for (const l of ctx.plan.legs) {
    if (l.sortie === undefined || frozen.has(l.sortie)) continue;
    oldAircraft.set(l.sortie, l.aircraft);
    for (const id of l.board) oldOf.set(`${l.aircraft}\n${id}`, l.sortie);
  }
  const used = new Set(legs.flatMap((l) => (l.sortie !== undefined ? [l.sortie] : [])));
  const pairs = new Map<string, { now: string; old: string; n: number }>();
  for (const l of legs) {
    if (l.sortie === undefined || frozen.has(l.sortie) || oldAircraft.has(l.sortie)) continue;
    for (const id of l.board) {
      const old = oldOf.get(`${l.aircraft}\n${id}`);
      if (old === undefined || used.has(old)) continue;
      const key = `${l.sortie}\n${old}`;
      const p = pairs.get(key) ?? { now: l.sortie, old, n: 0 };
      p.n++;
      pairs.set(key, p);
    }
  }
  const rename = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of [...pairs.values()].sort((a, b) => b.n - a.n || a.now.localeCompare(b.now) || a.old.localeCompare(b.old))) {
    if (rename.has(p.now) || taken.has(p.old)) continue;
    rename.set(p.now, p.old);
    taken.add(p.old);
  }
  for (let i = 0; i < legs.length; i++) {
    const to = legs[i]!.sortie !== undefined ? rename.get(legs[i]!.sortie!) : undefined;
    if (to !== undefined) legs[i] = { ...legs[i]!, sortie: to };
  }
}

/**
 * The objective exactly as formats/airlift.md defines it (and `computeObjective` computes it from followed
 * flights), straight from the legs of a valid plan: each detainee's first boarding, its last alighting (delivered
 * when that is at a destination and it did not board again after), and the flight hours. A candidate is valid
 * by construction (the scheduler's and `carryLeft`'s bookings), so following every aircraft's load is not needed.
 */
function objectiveOf(net: Network, legs: readonly TLeg[]): TObjective {
  const firstBoard = new Map<string, number>();
  const lastBoard = new Map<string, number>();
  const lastAlight = new Map<string, { at: number; to: string }>();
  let flightHours = 0;
  for (const l of legs) {
    const depart = net.hours(l.depart);
    const arrive = net.hours(l.arrive);
    flightHours += arrive - depart;
    for (const id of l.board) {
      const f = firstBoard.get(id);
      if (f === undefined || depart < f) firstBoard.set(id, depart);
      if ((lastBoard.get(id) ?? -Infinity) < depart) lastBoard.set(id, depart);
    }
    for (const id of l.alight) if ((lastAlight.get(id)?.at ?? -Infinity) < arrive) lastAlight.set(id, { at: arrive, to: l.to });
  }
  let expectedLoss = 0;
  let completion = 0;
  let undelivered = false;
  for (const d of net.instance.detainees) {
    const w = net.weight(d.tier);
    const first = firstBoard.get(d.id);
    expectedLoss += first === undefined ? w : w * (1 - Math.exp(-net.hazardIntegral(d.site, first)));
    const last = lastAlight.get(d.id);
    if (!last || last.at < lastBoard.get(d.id)! || net.nodes.get(last.to)?.kind !== 'destination') undelivered = true;
    else completion = Math.max(completion, last.at);
  }
  return { expectedLoss, completionHours: undelivered ? null : completion, flightHours };
}

/** Objectives in order: expected loss, then completion (null: never), then flight hours. */
function compareObjective(a: TObjective, b: TObjective): number {
  if (a.expectedLoss !== b.expectedLoss) return a.expectedLoss - b.expectedLoss;
  const ca = a.completionHours ?? Infinity;
  const cb = b.completionHours ?? Infinity;
  if (ca !== cb) return ca - cb;
  return a.flightHours - b.flightHours;
}

/** Among the full re-plan's variants: fewer undelivered, then the objective. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.undelivered.length !== b.undelivered.length) return a.undelivered.length < b.undelivered.length;
  return compareObjective(a.objective, b.objective) < 0;
}

/**
 * The rule (docs/airlift.md, "Re-planning"): fewer detainees undelivered wins; else, when the expected losses
 * are within CLOSE_LOSS of each other, fewer detainees moved to other sorties wins (then the objective); else
 * the lower expected loss.
 */
export function choose<T extends Pick<Candidate, 'kind' | 'undelivered' | 'objective'> & { diff: { moved: readonly unknown[] } }>(candidates: readonly T[]): { chosen: T; reason: string } {
  let chosen = candidates[0]!;
  let reason = candidates.length === 1 ? `${chosen.kind} re-plan only` : '';
  for (const c of candidates.slice(1)) {
    const [a, b] = [chosen, c];
    const la = a.objective.expectedLoss;
    const lb = b.objective.expectedLoss;
    let wins: boolean;
    if (a.undelivered.length !== b.undelivered.length) {
      wins = b.undelivered.length < a.undelivered.length;
      reason = `fewer undelivered (${Math.min(a.undelivered.length, b.undelivered.length)} against ${Math.max(a.undelivered.length, b.undelivered.length)})`;
    } else if (Math.abs(la - lb) <= CLOSE_LOSS * Math.max(la, lb) + 1e-9) {
      const ma = a.diff.moved.length;
      const mb = b.diff.moved.length;
      wins = mb !== ma ? mb < ma : compareObjective(b.objective, a.objective) < 0;
      reason = mb !== ma
        ? `expected losses within ${CLOSE_LOSS * 100} % (${la.toFixed(2)}, ${lb.toFixed(2)}): fewer detainees moved (${Math.min(ma, mb)} against ${Math.max(ma, mb)})`
        : `expected losses within ${CLOSE_LOSS * 100} % and as many moved: the better objective`;
    } else {
      wins = lb < la;
      reason = `lower expected loss (${Math.min(la, lb).toFixed(2)} against ${Math.max(la, lb).toFixed(2)})`;
    }
    if (wins) chosen = c;
  }
  return { chosen, reason: `${chosen.kind} re-plan kept: ${reason}` };
}

function diffOf(ctx: ReplanContext, after: Pick<TAirliftPlan, 'legs' | 'objective'>, undelivered: { id: string; reason: string }[]): TReplanDiff {
  const { net, plan: before, disruption, frozenLegs } = ctx;
  const old = sortiesOf(before.legs);
  const now = sortiesOf(after.legs);
  const frozen = [...sortiesOf(frozenLegs).keys()];
  const frozenSet = new Set(frozen);
  const ref = (s: SortieInfo): TSortieRef => ({ sortie: s.sortie, aircraft: s.aircraft, depart: s.depart, detainees: s.ids.length });
  const sameIds = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
  const keptList: TReplanDiff['kept'] = [];
  const cancelled: TSortieRef[] = [];
  for (const [label, s] of old) {
    if (frozenSet.has(label)) continue;
    const n = now.get(label);
    if (!n || n.aircraft !== s.aircraft) cancelled.push(ref(s));
    else keptList.push({ sortie: label, retimed: n.depart !== s.depart || n.route !== s.route, manifestChanged: !sameIds(s.ids, n.ids) });
  }
  const added = [...now.values()].filter((s) => !old.has(s.sortie) || old.get(s.sortie)!.aircraft !== s.aircraft).map(ref);
  const strandedIds = new Set(undelivered.map((u) => u.id));
  const { ridesBefore } = ctx;
  const ridesAfter = ridesOf(net, after.legs);
  const moved: TReplanDiff['moved'] = [];
  for (const d of before.instance.detainees) {
    if (strandedIds.has(d.id)) continue;
    const b = ridesBefore.get(d.id) ?? [];
    const a = ridesAfter.get(d.id) ?? [];
    if (b.join('\n') !== a.join('\n')) moved.push({ id: d.id, before: b, after: a });
  }
  // As the plan states it (checkPlan holds a plan to its stated objective).
  const objectiveBefore = before.objective;
  return { disruption, frozen, kept: keptList, cancelled, added, moved, stranded: undelivered, objectiveBefore, objectiveAfter: after.objective };
}
