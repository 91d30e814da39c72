import type { TAirliftDetainee, TAirliftRules } from '../airlift.schemas.js';
import { utcDay, type Network } from '../network.js';
import { commitLegs, dutyFits, nextDay, route, type Craft, type PlannedLeg } from './craft.js';
import { MARGIN_H, type ArrivalLedger, type MinuteLedger } from './ledgers.js';
import { Manifest } from './manifest.js';
import { fuelAfter, legsFrom } from './timeline.js';
import { nationalityOf } from '../nationality.js';
import { arrivalRulesOf, type ArrivalRules } from '../conditions.js';

/**
 * Onward flights from staging nodes to destinations, flown by the aircraft that cannot land at origins. A
 * detainee dropped at a staging node is booked onto a run before the drop is committed, so that nobody is ever
 * left there past `maxHoldHours` or above `holdingCapacity`.
 */

/** Where and when a run is wanted: a detainee alighting at `staging` at `alight`, who may wait `maxHold` hours. */
interface RunAt {
  staging: string;
  alight: number;
  maxHold: number;
  /** The nationality of the detainee the run is made for, when some destination caps it (x-1). */
  nat?: string;
  /** The run is made for someone with medical needs and some destination screens arrivals (x-5). */
  medical?: boolean;
}

/** A booking being looked for: who, alighting where and when, how long it may wait, and the holding there. */
interface Want {
  d: TAirliftDetainee;
  staging: string;
  alight: number;
  maxHold: number;
  holding: MinuteLedger;
  cap: number;
  /** The destinations' arrival rules from agreement conditions (x-2, x-3, x-5). */
  conditions: ArrivalRules;
}

interface Run {
  label: string;
  /** Nobody more can board (seats or the destination's intake at its arrival full). */
  closed?: boolean;
  craft: Craft;
  staging: string;
  dest: string;
  legs: PlannedLeg[];
  depart: number;
  arrive: number;
  manifest: Manifest;
}

/** The resources onward bookings draw on. */
export interface ShuttleDeps {
  net: Network;
  crafts: Craft[];
  holding: Map<string, MinuteLedger>;
  arrivals: Map<string, ArrivalLedger>;
  sortieOf: (craft: Craft) => string;
  /** When replaying a plan: the aircraft and sortie label each detainee flew onwards with. */
  preferred?: ReadonlyMap<string, { aircraft: string; label: string; depart: number }>;
  /** Aircraft that may fly onward runs only to rescue detainees already held (helicopters, after a disruption). */
  rescuers?: Craft[];
  /** Sortie labels already given out (a replayed label is used once). */
  usedLabels?: Set<string>;
  /** When manifest notice (x-4) is given: the disruption in a re-plan, else the start (hours). */
  noticeSince?: number;
}

export class Shuttles {
  readonly #runs: Run[] = [];
  readonly #all: Run[] = [];

  constructor(private readonly deps: ShuttleDeps) {}

  get available(): boolean {
    return this.deps.crafts.length > 0;
  }

  /**
   * Books `d`, alighting at `staging` at `alight`, onto a run (an open one, else a new one). False when none can
   * take it. When replaying, the run of the aircraft it flew with before comes first; `rescue` lets the
   * rescuers fly it too.
   */
  book(d: TAirliftDetainee, staging: string, alight: number, how: { replay?: boolean; rescue?: boolean } = {}): boolean {
    const { replay = false, rescue = false } = how;
    const node = this.deps.net.nodes.get(staging);
    const maxHold = (node?.maxHoldHours ?? 0) - 2 * MARGIN_H;
    const cap = node?.holdingCapacity ?? 0;
    const holding = this.deps.holding.get(staging);
    if (!holding || maxHold <= 0) return false;
    const natOf = nationalityOf(d);
    // A nationality some destination caps: a failure to find a run for it says nothing about the others.
    const nat = natOf !== undefined && this.#capped(natOf) ? natOf : undefined;
    const conditions = arrivalRulesOf(this.deps.net);
    this.#screening ??= [...this.deps.arrivals.keys()].some((id) => conditions.screens(id));
    const medical = d.medical && this.#screening;
    const runAt: RunAt = { staging, alight, maxHold, ...(nat !== undefined ? { nat } : {}), ...(medical ? { medical } : {}) };
    // Runs that left long before anyone alighting now could board are done with (open runs are in order of departure).
    let stale = 0;
    while (stale < this.#runs.length && this.#runs[stale]!.depart < alight - maxHold - 1) stale++;
    if (stale > 0) this.#runs.splice(0, stale);
    const want: Want = { d, staging, alight, maxHold, holding, cap, conditions };
    const pref = replay ? this.deps.preferred?.get(d.id) : undefined;
    let run: Run | null | undefined;
    if (pref) {
      run = this.#first(want, { label: pref.label }) ?? this.#first(want, { aircraft: pref.aircraft });
      if (!run) {
        const craft = this.deps.crafts.find((c) => c.spec.id === pref.aircraft);
        const label = this.deps.usedLabels?.has(pref.label) ? undefined : pref.label;
        run = craft ? this.#newRun(runAt, { crafts: [craft], ...(label !== undefined ? { label, notBefore: pref.depart } : {}) }) : null;
        if (run && !this.#ok(run, want)) run = null;
      }
    }
    const key = `${staging}\n${alight}\n${nat ?? ''}\n${medical ? 'medical' : ''}`;
    // When no run could be found or made for an alighting at `staging`, none can for one soon after either,
    // until a run is made: when downstream (holding, intake) is full, pickups fail fast.
    const blocked = !replay && !rescue && alight <= (this.#blocked.get(staging) ?? -Infinity) + 0.25;
    run ??= this.#first(want) ?? (this.#noRun === key || blocked ? null : this.#newRun(runAt));
    if (!run) {
      this.#noRun = key;
      if (nat === undefined && !medical) this.#blocked.set(staging, Math.max(alight, this.#blocked.get(staging) ?? -Infinity));
    }
    if ((!run || !this.#ok(run, want)) && rescue && this.deps.rescuers) run = this.#newRun(runAt, { crafts: this.deps.rescuers });
    if (!run || !this.#ok(run, want)) return false;
    run.manifest.add(d);
    if (run.manifest.people.length >= run.craft.type.seats) run.closed = true;
    holding.add(alight, run.depart + MARGIN_H, 1);
    const ledger = this.deps.arrivals.get(run.dest);
    ledger?.add(run.arrive, utcDay(this.deps.net, run.arrive), 1);
    if (ledger?.capsNationality) ledger.addNationalities(utcDay(this.deps.net, run.arrive), [nationalityOf(d)]);
    return true;
  }

  /** True when `run` can take `w.d` (all but the holding, which `#held` checks). */
  #cheap(run: Run, w: Want): boolean {
    return (
      !run.closed &&
      run.staging === w.staging &&
      run.depart - run.craft.type.loadMinutes / 60 >= w.alight + MARGIN_H &&
      run.depart - w.alight <= w.maxHold &&
      run.manifest.fits(w.d) &&
      this.#natRoom(run, w.d) &&
      this.#intakeRoom(run) &&
      w.conditions.admits(run.dest, run.arrive, w.d.medical)
    );
  }

  #ok(run: Run, w: Want): boolean {
    return this.#cheap(run, w) && this.#held(run, w);
  }

  /** True when the holding has room for `w.d` from its alighting until `run` departs. */
  #held(run: Run, w: Want): boolean {
    return w.holding.peak(w.alight, run.depart + MARGIN_H) + 1 <= w.cap;
  }

  /**
   * The first open run (of that label or aircraft, when given) that can take `w.d`, if the holding lets it wait
   * for it: open runs are kept in order of departure, and a later departure means a longer stay, so once the
   * holding is full for one run it is full for every later one. Runs departing before the alighting are
   * skipped by a binary search (none of them can take anyone alighting then).
   */
  #first(w: Want, pick?: { label?: string; aircraft?: string }): Run | undefined {
    const runs = this.#runs;
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid]!.depart < w.alight + MARGIN_H) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < runs.length; i++) {
      const r = runs[i]!;
      if (pick?.label !== undefined && r.label !== pick.label) continue;
      if (pick?.aircraft !== undefined && r.craft.spec.id !== pick.aircraft) continue;
      if (this.#cheap(r, w)) return this.#held(r, w) ? r : undefined;
    }
    return undefined;
  }

  /** Whether some destination screens arrivals with medical needs (x-5); worked out at the first booking. */
  #screening: boolean | undefined;

  /** Per nationality, whether some destination caps it (x-1). */
  readonly #cappedCache = new Map<string, boolean>();
  #capped(nat: string): boolean {
    let v = this.#cappedCache.get(nat);
    if (v === undefined) {
      v = false;
      for (const l of this.deps.arrivals.values()) if (l.caps(nat)) v = true;
      this.#cappedCache.set(nat, v);
    }
    return v;
  }

  /** Where and when the last attempt to create a run failed (nothing has changed since: it would fail again). */
  #noRun: string | null = null;
  /** Per staging node, the latest alighting for which no run could be found or made since the last run was made. */
  readonly #blocked = new Map<string, number>();
  readonly #dests = new Map<string, { id: string }[]>();

  /** Destinations nearest `staging` first. */
  #destsFrom(staging: string): { id: string }[] {
    let list = this.#dests.get(staging);
    if (!list) {
      const { net } = this.deps;
      list = net.instance.nodes.filter((n) => n.kind === 'destination').sort((a, b) => net.km(staging, a.id) - net.km(staging, b.id));
      this.#dests.set(staging, list);
    }
    return list;
  }

  /** The earliest arrival at `dest` from `t` on (quarter-hour steps, at most `slack` hours later) with intake room, inside its windows; null when none. */
  #roomFrom(dest: string, t: number, slack: number, who: { nat?: string | undefined; medical?: boolean | undefined } = {}): number | null {
    const ledger = this.deps.arrivals.get(dest);
    if (!ledger) return null;
    const { nat, medical = false } = who;
    const end = t + Math.max(0, slack);
    for (let at = t; at <= end; at += 0.25) {
      // Inside the destination's windows (agreement conditions x-2, x-3, x-5).
      const open = arrivalRulesOf(this.deps.net).earliest(dest, at, medical);
      if (open === null || open > end) return null;
      at = open;
      const day = utcDay(this.deps.net, at);
      if (ledger.room(at, day, 1) >= 1 && ledger.natRoom(day, nat) >= 1) return at;
    }
    return null;
  }

  /** Adds an open run, keeping them in order of departure. */
  #insert(run: Run): void {
    let i = this.#runs.length;
    while (i > 0 && this.#runs[i - 1]!.depart > run.depart) i--;
    this.#runs.splice(i, 0, run);
  }

  /** Room for one more arrival at the run's destination; a run whose arrival hour is full stays closed (arrivals only grow). */
  #intakeRoom(run: Run): boolean {
    const room = this.deps.arrivals.get(run.dest)?.room(run.arrive, utcDay(this.deps.net, run.arrive), 1) ?? 0;
    if (room < 1) run.closed = true;
    return room >= 1;
  }

  /** Room for one more arrival of `d`'s nationality at the run's destination on its arrival day (x-1); the run stays open for others. */
  #natRoom(run: Run, d: TAirliftDetainee): boolean {
    const ledger = this.deps.arrivals.get(run.dest);
    return !ledger?.capsNationality || ledger.natRoom(utcDay(this.deps.net, run.arrive), nationalityOf(d)) >= 1;
  }

  #newRun(at: RunAt, opts: { crafts?: Craft[]; label?: string; notBefore?: number } = {}): Run | null {
    const { staging, alight, maxHold } = at;
    const { crafts = this.deps.crafts, label, notBefore } = opts;
    let best: { craft: Craft; plan: NonNullable<ReturnType<Shuttles['planRun']>> } | null = null;
    // A run departs after its aircraft is free: aircraft free later than the best departure so far cannot beat it.
    for (const craft of [...crafts].sort((a, b) => a.free - b.free)) {
      if (best && craft.free >= best.plan.depart) break;
      const plan = (notBefore !== undefined ? this.planRun(craft, at, notBefore) : null) ?? this.planRun(craft, at);
      if (plan && (!best || plan.depart < best.plan.depart)) best = { craft, plan };
    }
    if (!best) return null;
    const { craft, plan } = best;
    this.#noRun = null;
    this.#blocked.clear();
    const sortie = label ?? this.deps.sortieOf(craft);
    this.deps.usedLabels?.add(sortie);
    for (const l of [...plan.positioning, ...plan.loaded]) l.sortie = sortie;
    commitLegs(craft, [...plan.positioning, ...plan.loaded], plan.arrive + craft.type.unloadMinutes / 60 + MARGIN_H);
    const run: Run = {
      label: sortie, craft, staging, dest: plan.dest, legs: plan.loaded, depart: plan.depart, arrive: plan.arrive,
      manifest: new Manifest(craft.type.seats, this.deps.net.instance.rules),
    };
    this.#insert(run);
    this.#all.push(run);
    // Runs that can no longer take anyone are dropped from the search.
    const stale = alight - maxHold - 1;
    for (let i = this.#runs.length - 1; i >= 0; i--) if (this.#runs[i]!.depart < stale || this.#runs[i]!.closed) this.#runs.splice(i, 1);
    return run;
  }

  /** Where and when `craft` could fly a run from `staging` that a detainee alighting at `alight` can board. */
  planRun(craft: Craft, at: RunAt, notBefore = -Infinity) {
    const { staging, alight, maxHold } = at;
    const fill = Math.min(maxHold / 3, 1);
    const dests = this.#destsFrom(staging).filter((n) => craft.canLand(n.id));
    let ready = craft.free;
    for (let attempt = 0; attempt < 4; attempt++) {
      const positioning = craft.node === staging ? [] : route(craft, craft.node, staging, { used: craft.fuelUsed, reserveKm: 0 });
      if (!positioning) return null;
      const posLegs = legsFrom(craft, positioning, ready, '');
      const atStaging = posLegs[posLegs.length - 1]?.arrive ?? ready;
      for (const dest of dests) {
        const loadedHops = route(craft, staging, dest.id, { used: fuelAfter(craft.fuelUsed, positioning), reserveKm: 0 });
        if (!loadedHops) continue;
        const load = craft.type.loadMinutes / 60;
        const refuel = loadedHops[0]?.refuelBefore ? craft.type.refuelMinutes / 60 : 0;
        let depart = Math.max(atStaging + load + refuel + MARGIN_H, alight + load + 2 * MARGIN_H, alight + fill, notBefore, arrivalRulesOf(this.deps.net).noticeFrom(dest.id, this.deps.noticeSince));
        let loaded = legsFrom(craft, loadedHops, depart - refuel, '');
        let arrive = loaded[loaded.length - 1]?.arrive ?? depart;
        // When the destination's intake is full at that hour, leave later (people wait at the staging node).
        const later = this.#roomFrom(dest.id, arrive, alight + maxHold - depart, { nat: at.nat, medical: at.medical });
        if (later === null) continue;
        if (later > arrive) {
          depart += later - arrive;
          loaded = legsFrom(craft, loadedHops, depart - refuel, '');
          arrive = loaded[loaded.length - 1]?.arrive ?? depart;
        }
        if (depart - alight > maxHold) continue;
        if (arrive + craft.type.unloadMinutes / 60 + MARGIN_H > craft.until || posLegs.some((l) => l.depart < craft.from)) continue;
        if (!dutyFits(craft, [...posLegs, ...loaded])) break;
        return { positioning: posLegs, loaded, depart: loaded[0]?.depart ?? depart, arrive, dest: dest.id };
      }
      ready = nextDay(craft, ready);
    }
    return null;
  }

  /**
   * Re-planning: puts an earlier plan's later flights of a shuttle aircraft back on it as they were (people
   * taken off), so that detainees can be booked onto the same runs again. The legs must be valid as flown.
   */
  preload(craft: Craft, legs: PlannedLeg[]): void {
    if (legs.length === 0) return;
    const last = legs[legs.length - 1]!;
    commitLegs(craft, legs, Math.max(craft.free, last.arrive + craft.type.unloadMinutes / 60 + MARGIN_H));
    const kind = (node: string) => this.deps.net.nodes.get(node)?.kind;
    for (let i = 0; i < legs.length;) {
      const label = legs[i]!.sortie;
      let j = i + 1;
      while (j < legs.length && label !== '' && legs[j]!.sortie === label) j++;
      // The loaded part of a run starts at its last departure from a staging node (before it: positioning).
      let k = j - 1;
      while (k > i && kind(legs[k]!.from) !== 'staging') k--;
      if (label !== '' && kind(legs[k]!.from) === 'staging' && kind(legs[j - 1]!.to) === 'destination') {
        const loaded = legs.slice(k, j);
        const run: Run = {
          label, craft, staging: loaded[0]!.from, dest: loaded[loaded.length - 1]!.to, legs: loaded, depart: loaded[0]!.depart,
          arrive: loaded[loaded.length - 1]!.arrive, manifest: new Manifest(craft.type.seats, this.deps.net.instance.rules),
        };
        this.#insert(run);
        this.#all.push(run);
        this.deps.usedLabels?.add(label);
      }
      i = j;
    }
  }

  /** Writes each run's manifest into its legs; runs nobody booked stay as empty positioning flights. */
  finish(rules: TAirliftRules): void {
    for (const run of this.#all) applyManifest(run.legs, run.manifest, rules);
  }
}

/** Puts a manifest on a chain of legs: everyone boards the first and alights from the last. */
export function applyManifest(legs: PlannedLeg[], m: Manifest, _rules: TAirliftRules): void {
  const first = legs[0];
  const last = legs[legs.length - 1];
  if (!first || !last) return;
  const ids = m.people.map((d) => d.id);
  first.board = ids;
  last.alight = ids;
  for (const l of legs) {
    l.guards = m.guards;
    l.medic = m.medic;
  }
}
