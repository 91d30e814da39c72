import type { TAirliftDetainee } from './airlift.schemas.js';
import { CONDITION_RULES, conditionsOf, hasConditions, WINDOW_RULES, type TConditionRule } from './conditions.schemas.js';
import type { Network } from './network.js';

export * from './conditions.schemas.js';

/**
 * Extension rules x-2 … x-5 (docs/airlift.md, "Agreement conditions"): the conditions of signed agreements that a
 * plan must respect, as instance fields an outside checker reads without any solar or calendar code.
 *
 * - x-2 `x-daylightWindows`  (daylight-arrivals): arrivals at a destination land inside one of its windows;
 * - x-3 `x-observerWindows`  (observer-present):  arrivals land while the humanitarian observer is present;
 * - x-4 `x-manifestNotice`   (manifest-notice-hours): rides to a destination depart ≥ start + `hours`;
 * - x-5 `x-screeningWindows` (medical-screening): detainees with `medical: true` arrive inside screening hours;
 * - `x-conditionsByHand` (other, or anything not machine-checkable): listed for people, never checked.
 *
 * An arrival is a leg whose `to` is the destination and whose `alight` is not empty. The schemas and readers
 * are in conditions.schemas.ts (browser-safe); this file compiles them for the planner.
 */

// ------------------------------------------------------------------------------------------------------------
// For the planner: windows in hours since start, with a margin inside them (rounding to seconds never breaks a rule).

/** 1.5 minutes, as the planner's ledgers book (planner/ledgers.ts MARGIN_H). */
const MARGIN_H = 1.5 / 60;

/** One condition's windows at a destination, as sorted `[from, until]` hours since start, and where it comes from. */
interface HourWindows {
  rule: TConditionRule;
  agreement: string | undefined;
  spans: [number, number][];
}

/**
 * The arrival rules of an instance compiled for the planner: when an arrival at a destination may land, and
 * from when a ride towards it may depart. Cached per network (`arrivalRulesOf`).
 */
export class ArrivalRules {
  readonly #all = new Map<string, HourWindows[]>();
  readonly #medical = new Map<string, HourWindows[]>();
  readonly #notice = new Map<string, { hours: number; agreement: string | undefined }>();
  readonly any: boolean;
  /** `whyConditions` by whether the detainee has medical needs (all else is the same for everyone). */
  readonly why = new Map<boolean, string | null>();

  constructor(readonly net: Network) {
    const c = conditionsOf(net.instance);
    for (const rule of WINDOW_RULES) {
      for (const e of c.windows[rule.field]) {
        const spans = e.windows.map((w): [number, number] => [net.hours(w.from), net.hours(w.until)]).filter(([a, b]) => b - a > 2 * MARGIN_H).sort((a, b) => a[0] - b[0]);
        const target = rule.field === 'x-screeningWindows' ? this.#medical : this.#all;
        const list = target.get(e.destination) ?? [];
        list.push({ rule, agreement: e.agreement, spans });
        target.set(e.destination, list);
      }
    }
    for (const n of c.notice) {
      if (n.hours > (this.#notice.get(n.destination)?.hours ?? -1)) this.#notice.set(n.destination, { hours: n.hours, agreement: n.agreement });
    }
    this.any = hasConditions(c);
  }

  /** The windows that bind an arrival at `dest` (screening only for someone with medical needs). */
  lists(dest: string, medical: boolean): HourWindows[] {
    const all = this.#all.get(dest) ?? [];
    return medical ? [...all, ...(this.#medical.get(dest) ?? [])] : all;
  }

  /** True when an arrival at `dest` carrying someone with medical needs has windows of its own (x-5). */
  screens(dest: string): boolean {
    return this.#medical.has(dest);
  }

  /** The earliest time ≥ `t` at which an arrival at `dest` lands inside every binding window; null when none. */
  earliest(dest: string, t: number, medical: boolean): number | null {
    const lists = this.lists(dest, medical);
    let at = t;
    for (let guard = 0; guard < 10_000; guard++) {
      let moved = false;
      for (const l of lists) {
        const span = l.spans.find(([, until]) => until - MARGIN_H >= at);
        if (!span) return null;
        if (span[0] + MARGIN_H > at) {
          at = span[0] + MARGIN_H;
          moved = true;
        }
      }
      if (!moved) return at;
    }
    return null;
  }

  /** True when an arrival at `dest` at `t` keeps every binding window. */
  admits(dest: string, t: number, medical: boolean): boolean {
    return this.lists(dest, medical).every((l) => l.spans.some(([a, b]) => a + MARGIN_H <= t + 1e-9 && t <= b - MARGIN_H + 1e-9));
  }

  /**
   * The earliest departure of a ride towards `dest` (x-4), hours since start; -Infinity when no notice applies.
   * `since`: when the notice is given (a re-plan gives it from the disruption on; a plan from the start).
   */
  noticeFrom(dest: string, since = 0): number {
    const n = this.#notice.get(dest);
    return n === undefined ? -Infinity : Math.max(0, since) + n.hours + MARGIN_H;
  }

  /** The notice that binds `dest`, if any. */
  notice(dest: string): { hours: number; agreement: string | undefined } | undefined {
    return this.#notice.get(dest);
  }
}

const cache = new WeakMap<Network, ArrivalRules>();

/** The compiled arrival rules of a network (cached). */
export function arrivalRulesOf(net: Network): ArrivalRules {
  let rules = cache.get(net);
  if (!rules) cache.set(net, (rules = new ArrivalRules(net)));
  return rules;
}

/**
 * For a drop at `drop` landing at `t`: a filter that keeps out detainees with medical needs when the arrival is
 * outside the destination's screening windows (x-5). Undefined when nothing is filtered.
 */
export function screenAdmit(net: Network, drop: string, t: number): ((d: TAirliftDetainee) => boolean) | undefined {
  const rules = arrivalRulesOf(net);
  if (!rules.screens(drop) || rules.admits(drop, t, true)) return undefined;
  return (d) => !d.medical;
}

/** Both filters (the first is asked first, so a stateful second one counts only what the first admits). */
export function bothAdmit<T>(a: ((x: T) => boolean) | undefined, b: ((x: T) => boolean) | undefined): ((x: T) => boolean) | undefined {
  if (!a) return b;
  if (!b) return a;
  return (x) => a(x) && b(x);
}

const named = (r: TConditionRule, agreement: string | undefined) => `${r.rule} ${r.kind}${agreement !== undefined ? ` (agreement ${agreement})` : ''}`;

/**
 * Why no destination may receive `d` under the agreement conditions, naming the binding rules; null when one
 * may (or when no condition applies). An arrival must fall after the notice (x-4) and before the fleet's last
 * availability, inside every window (x-2, x-3; x-5 for someone with medical needs).
 */
export function whyConditions(net: Network, d: TAirliftDetainee): string | null {
  const rules = arrivalRulesOf(net);
  if (!rules.any) return null;
  const memo = rules.why.get(d.medical);
  if (memo !== undefined) return memo;
  const why = whyFor(net, rules, d);
  rules.why.set(d.medical, why);
  return why;
}

function whyFor(net: Network, rules: ArrivalRules, d: TAirliftDetainee): string | null {
  const latest = Math.max(...net.instance.aircraft.map((a) => net.hours(a.availableUntil)));
  const dests = net.instance.nodes.filter((n) => n.kind === 'destination' && !net.closed.has(n.id));
  const reasons: string[] = [];
  for (const dest of dests) {
    const from = Math.max(0, rules.noticeFrom(dest.id));
    const n = rules.notice(dest.id);
    if (n && from > latest) {
      reasons.push(`${dest.id}: ${named(CONDITION_RULES[2], n.agreement)} of ${n.hours} h leaves no departure before the fleet's availability ends`);
      continue;
    }
    const at = rules.earliest(dest.id, from, d.medical);
    if (at !== null && at <= latest) return null;
    const lists = rules.lists(dest.id, d.medical);
    const empty = lists.filter((l) => !l.spans.some(([a, b]) => b - MARGIN_H >= from && a + MARGIN_H <= latest));
    const blame = (empty.length > 0 ? empty : lists).map((l) => named(l.rule, l.agreement));
    reasons.push(`${dest.id}: no arrival time ${empty.length > 0 ? 'inside the windows of' : 'inside the windows of all of'} ${blame.join(' and ')} between ${net.iso(from)} and the end of the fleet's availability ${net.iso(latest)}`);
  }
  return reasons.length > 0 ? `no destination may receive it under the agreement conditions — ${reasons.join('; ')}` : null;
}
