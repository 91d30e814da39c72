import type { TAirliftDetainee, TAirliftRules } from '../airlift.schemas.js';
import { utcDay, type Network } from '../network.js';
import { commitLegs, dutyFits, nextDay, route, type Craft, type PlannedLeg } from './craft.js';
import { MARGIN_H, type ArrivalLedger, type IntervalLedger } from './ledgers.js';
import { Manifest } from './manifest.js';
import { fuelAfter, legsFrom } from './timeline.js';

/**
 * Onward flights from staging nodes to destinations, flown by the aircraft that cannot land at origins. A
 * detainee dropped at a staging node is booked onto a run before the drop is committed, so that nobody is ever
 * left there past `maxHoldHours` or above `holdingCapacity`.
 */

interface Run {
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
  holding: Map<string, IntervalLedger>;
  arrivals: Map<string, ArrivalLedger>;
  sortieOf: (craft: Craft) => string;
}

export class Shuttles {
  readonly #runs: Run[] = [];
  readonly #all: Run[] = [];

  constructor(private readonly deps: ShuttleDeps) {}

  get available(): boolean {
    return this.deps.crafts.length > 0;
  }

  /** Books `d`, alighting at `staging` at `alight`, onto a run (an open one, else a new one). False when none can take it. */
  book(d: TAirliftDetainee, staging: string, alight: number): boolean {
    const node = this.deps.net.nodes.get(staging);
    const maxHold = (node?.maxHoldHours ?? 0) - 2 * MARGIN_H;
    const cap = node?.holdingCapacity ?? 0;
    const holding = this.deps.holding.get(staging);
    if (!holding || maxHold <= 0) return false;
    const ok = (run: Run) =>
      run.staging === staging &&
      run.depart - run.craft.type.loadMinutes / 60 >= alight + MARGIN_H &&
      run.depart - alight <= maxHold &&
      run.manifest.fits(d) &&
      holding.peak(alight, run.depart + MARGIN_H) + 1 <= cap &&
      (this.deps.arrivals.get(run.dest)?.room(run.arrive, utcDay(this.deps.net, run.arrive), 1) ?? 0) >= 1;
    const run = this.#runs.find(ok) ?? this.#newRun(staging, alight, maxHold);
    if (!run || !ok(run)) return false;
    run.manifest.add(d);
    holding.add(alight, run.depart + MARGIN_H, 1);
    this.deps.arrivals.get(run.dest)?.add(run.arrive, utcDay(this.deps.net, run.arrive), 1);
    return true;
  }

  #newRun(staging: string, alight: number, maxHold: number): Run | null {
    let best: { craft: Craft; plan: NonNullable<ReturnType<Shuttles['planRun']>> } | null = null;
    for (const craft of this.deps.crafts) {
      const plan = this.planRun(craft, staging, alight, maxHold);
      if (plan && (!best || plan.depart < best.plan.depart)) best = { craft, plan };
    }
    if (!best) return null;
    const { craft, plan } = best;
    commitLegs(craft, [...plan.positioning, ...plan.loaded], plan.arrive + craft.type.unloadMinutes / 60 + MARGIN_H);
    const run: Run = {
      craft, staging, dest: plan.dest, legs: plan.loaded, depart: plan.depart, arrive: plan.arrive,
      manifest: new Manifest(craft.type.seats, this.deps.net.instance.rules),
    };
    this.#runs.push(run);
    this.#all.push(run);
    // Runs that can no longer take anyone are dropped from the search.
    const stale = alight - maxHold - 1;
    for (let i = this.#runs.length - 1; i >= 0; i--) if (this.#runs[i]!.depart < stale) this.#runs.splice(i, 1);
    return run;
  }

  /** Where and when `craft` could fly a run from `staging` that a detainee alighting at `alight` can board. */
  planRun(craft: Craft, staging: string, alight: number, maxHold: number) {
    const { net } = this.deps;
    const fill = Math.min(maxHold / 3, 1);
    const dests = net.instance.nodes.filter((n) => n.kind === 'destination' && craft.canLand(n.id)).sort((a, b) => net.km(staging, a.id) - net.km(staging, b.id));
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
        const depart = Math.max(atStaging + load + refuel + MARGIN_H, alight + load + 2 * MARGIN_H, alight + fill);
        if (depart - alight > maxHold) return null;
        const loaded = legsFrom(craft, loadedHops, depart - refuel, this.deps.sortieOf(craft));
        const arrive = loaded[loaded.length - 1]?.arrive ?? depart;
        if (arrive + craft.type.unloadMinutes / 60 + MARGIN_H > craft.until || posLegs.some((l) => l.depart < craft.from)) continue;
        if (!dutyFits(craft, [...posLegs, ...loaded])) break;
        return { positioning: posLegs, loaded, depart: loaded[0]?.depart ?? depart, arrive, dest: dest.id };
      }
      ready = nextDay(craft, ready);
    }
    return null;
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
