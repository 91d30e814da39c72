import type { TAirliftDetainee } from '../airlift.schemas.js';
import type { Network } from '../network.js';
import { Craft, commitLegs, type PlannedLeg } from './craft.js';
import { ArrivalLedger, IntervalLedger, MARGIN_H, MinuteLedger } from './ledgers.js';
import { SiteQueue } from './manifest.js';
import { dropsFor, tryPickup, type PickupDeps } from './pickups.js';
import { utcDay } from '../network.js';
import { Shuttles } from './shuttles.js';
import { nationalityCaps, nationalityOf, nationalityQuotasOf } from '../nationality.js';

/**
 * The list scheduler: aircraft that can land at origins take turns in order of the time they are free; each
 * picks the site whose next load is worth most per aircraft-hour, weighing each detainee by its tier and the
 * site's breach density λ(t)·exp(−Λ(t)) at the time it would leave.
 */

/** What the scheduler produced: every aircraft with its legs, and who was left behind. */
export interface Schedule {
  crafts: Craft[];
  left: TAirliftDetainee[];
  /** Detainees held at a staging node whom no onward flight could take (re-planning only). */
  heldLeft: { id: string; staging: string }[];
}

/** Progress while scheduling: detainees moved so far out of the total. */
export type Progress = (moved: number, total: number) => void;

function buildDeps(net: Network, crafts: Craft[], opts: ScheduleOptions): PickupDeps {
  const { seed } = opts;
  const counters = new Map<string, number>(seed?.counters ?? []);
  const sortieOf = (c: Craft) => {
    const n = (counters.get(c.spec.id) ?? 0) + 1;
    counters.set(c.spec.id, n);
    return `${c.spec.id}/${n}`;
  };
  const byNode = (kind: string) => net.instance.nodes.filter((n) => n.kind === kind);
  // Agreement conditions (x-4): rides planned anew in a re-plan give their manifest notice from the disruption on.
  const noticeSince = seed?.at ?? 0;
  const t0 = Math.min(0, ...net.instance.aircraft.map((a) => net.hours(a.availableFrom)));
  const until = Math.max(t0 + 1, ...net.instance.aircraft.map((a) => net.hours(a.availableUntil)));
  const horizon = Math.min(until + 48, t0 + 90 * 24);
  const holding = new Map(byNode('staging').map((n) => [n.id, new MinuteLedger(t0, horizon)]));
  const caps = nationalityCaps(nationalityQuotasOf(net.instance));
  const arrivals = new Map(byNode('destination').map((n) => {
    const quota = Math.min(...net.instance.quotas.filter((q) => q.destination === n.id).map((q) => q.perDay), Infinity);
    return [n.id, new ArrivalLedger(n.intakePerHour ?? 0, quota, caps.get(n.id))];
  }));
  const isShuttle = (c: Craft) => !c.type.canLandAt.includes('origin') && c.type.canLandAt.includes('staging') && c.type.canLandAt.includes('destination');
  const rescuers = crafts.filter((c) => !isShuttle(c) && c.type.canLandAt.includes('staging') && c.type.canLandAt.includes('destination'));
  const shuttles = new Shuttles({
    net, crafts: crafts.filter(isShuttle), holding, arrivals, sortieOf, rescuers, usedLabels: new Set(), noticeSince,
    ...(seed ? { preferred: seed.onward } : {}),
  });
  const bySite = new Map<string, TAirliftDetainee[]>();
  for (const d of net.instance.detainees) {
    const list = bySite.get(d.site);
    if (list) list.push(d);
    else bySite.set(d.site, [d]);
  }
  const queues = new Map([...bySite].map(([site, list]) => [site, new SiteQueue(site, list, (d) => net.weight(d.tier), net.instance.rules)]));
  const slots = new Map(byNode('origin').map((n) => [n.id, new IntervalLedger()]));
  return { net, queues, slots, arrivals, shuttles, sortieOf, holding, hoursExponent: opts.hoursExponent ?? 1, noticeSince };
}

/** The value per hour of `craft`'s time of carrying a load of weight `weight` from `site` (null when it has no drop). */
function scoreOf(deps: PickupDeps, craft: Craft, site: string, weight: number): number | null {
  const { net } = deps;
  const speed = craft.type.speedKmh;
  const drop = dropsFor(deps, craft, site)[0];
  if (drop === undefined) return null;
  const reach = net.km(craft.node, site) / speed;
  const leave = craft.free + reach + craft.type.loadMinutes / 60;
  const hours = reach + craft.type.loadMinutes / 60 + net.km(site, drop) / speed + craft.type.unloadMinutes / 60;
  const density = net.hazardAt(site, leave) * Math.exp(-net.hazardIntegral(site, leave));
  return (weight * (density + 1e-6)) / Math.max(hours, 1e-3) ** deps.hoursExponent;
}

/** Sites with their score, best first: the value of the next load `craft` could carry from them, per hour of its time. */
function scoreSites(deps: PickupDeps, craft: Craft): [string, number][] {
  const perLoad = Math.max(1, Math.floor(craft.type.seats / 1.3));
  const scored: [string, number][] = [];
  for (const [site, q] of deps.queues) {
    if (q.open === 0) continue;
    const score = scoreOf(deps, craft, site, q.topWeight(perLoad, deps.net.instance.rules.maxHighRiskPerLeg));
    if (score !== null) scored.push([site, score]);
  }
  return scored.sort((a, b) => b[1] - a[1]);
}

function rankSites(deps: PickupDeps, craft: Craft): string[] {
  return scoreSites(deps, craft).map(([s]) => s);
}

/** The baseline for benchmarks: the nearest site with anyone left, ignoring hazard and tier. */
function nearestSites(deps: PickupDeps, craft: Craft): string[] {
  const open = [...deps.queues].filter(([, q]) => q.open > 0).map(([s]) => s);
  return open.sort((a, b) => deps.net.km(craft.node, a) - deps.net.km(craft.node, b));
}

/** A pickup of an earlier plan to fly again with the same people when it can. */
export interface Intent {
  label: string;
  site: string;
  drop: string;
  ids: string[];
  /** When it left the site in the earlier plan (hours since start). */
  depart: number;
}

/**
 * What a re-plan starts from: the legs already flown or airborne (kept as they are), who they carried, who is
 * held at a staging node waiting for an onward flight, and the earlier plan's sorties to fly again.
 */
export interface Seed {
  /** Nothing new departs before this (hours since start). */
  at: number;
  /** Per aircraft, its kept legs in order. */
  frozen: Map<string, PlannedLeg[]>;
  /** Detainees who boarded a kept leg. */
  boarded: ReadonlySet<string>;
  /** Detainees at a staging node after the kept legs, with no kept onward flight. */
  held: { id: string; staging: string; alight: number }[];
  /** Kept stays at staging nodes (alight, onward departure). */
  stays: { staging: string; from: number; to: number }[];
  /** Per aircraft, the earlier plan's later pickups, in order. */
  intents: Map<string, Intent[]>;
  /** Per detainee, the aircraft and sortie it flew onwards with in the earlier plan. */
  onward: Map<string, { aircraft: string; label: string; depart: number }>;
  /** Per shuttle aircraft, the earlier plan's later legs still valid, people taken off (flown again as they were). */
  preload: Map<string, PlannedLeg[]>;
  /**
   * How much more a load of people nobody carries any more must be worth (per aircraft-hour) than a replayed
   * sortie to go before it: Infinity keeps every replayed sortie first (fewest manifests moved).
   */
  favour: number;
  /** Per aircraft, the highest sortie number used so far (new sorties are numbered after it). */
  counters: Map<string, number>;
}

/** Puts the kept legs into the crafts and the ledgers: positions, fuel, duty, landing slots, arrivals, holding. */
function applySeed(crafts: Craft[], deps: PickupDeps, seed: Seed): void {
  const { net, holding } = deps;
  const byId = new Map(net.instance.detainees.map((d) => [d.id, d]));
  for (const craft of crafts) {
    const legs = seed.frozen.get(craft.spec.id) ?? [];
    const last = legs[legs.length - 1];
    const free = last ? last.arrive + (last.alight.length > 0 ? craft.type.unloadMinutes / 60 : 0) + MARGIN_H : craft.from;
    legs.forEach((l, i) => {
      if (net.nodes.get(l.to)?.kind === 'origin') deps.slots.get(l.to)?.add(l.arrive - MARGIN_H, (legs[i + 1]?.depart ?? free) + MARGIN_H, 1);
      if (net.nodes.get(l.to)?.kind === 'destination' && l.alight.length > 0) {
        const ledger = deps.arrivals.get(l.to);
        ledger?.add(l.arrive, utcDay(net, l.arrive), l.alight.length);
        if (ledger?.capsNationality) ledger.addNationalities(utcDay(net, l.arrive), l.alight.map((id) => { const d = byId.get(id); return d && nationalityOf(d); }));
      }
    });
    commitLegs(craft, legs, Math.max(free, seed.at, craft.from));
    const again = seed.preload.get(craft.spec.id);
    if (again && !craft.type.canLandAt.includes('origin')) deps.shuttles.preload(craft, again);
  }
  for (const s of seed.stays) holding.get(s.staging)?.add(s.from, s.to + MARGIN_H, 1);
  for (const q of deps.queues.values()) q.take(seed.boarded);
}

/** How to schedule: progress reports, and the simple greedy baseline instead of the ranked choice. */
export interface ScheduleOptions {
  progress?: Progress;
  greedy?: boolean;
  /** Re-planning: start from kept legs and replay the earlier plan's sorties where they still fly. */
  seed?: Seed;
  /** Smith's rule divides a load's value by its aircraft hours to this power (1 by default). */
  hoursExponent?: number;

}

/** Schedules every pickup and onward run. Aircraft that find nothing to do wait half an hour and look again. */
export function schedule(net: Network, opts: ScheduleOptions = {}): Schedule {
  const { progress, seed } = opts;
  const rank = opts.greedy ? nearestSites : rankSites;
  const crafts = net.instance.aircraft.map((a) => new Craft(net, a, net.types.get(a.type)!));
  const deps = buildDeps(net, crafts, opts);
  const heldLeft: { id: string; staging: string }[] = [];
  const intents = new Map<Craft, Intent[]>();
  if (seed) {
    applySeed(crafts, deps, seed);
    for (const h of [...seed.held].sort((a, b) => a.alight - b.alight)) {
      const d = net.detainees.get(h.id);
      if (!d || !deps.shuttles.book(d, h.staging, h.alight, { replay: true, rescue: true })) heldLeft.push({ id: h.id, staging: h.staging });
    }
    for (const c of crafts) {
      const list = (seed.intents.get(c.spec.id) ?? []).filter((it) => deps.queues.has(it.site));
      intents.set(c, list);
      for (const it of list) deps.queues.get(it.site)!.reserve(it.ids);
    }
  }
  const abandon = (c: Craft, it: Intent) => deps.queues.get(it.site)?.release(it.ids);
  const total = net.instance.detainees.length;
  let left = [...deps.queues.values()].reduce((s, q) => s + q.remaining, 0);
  const pickers = crafts.filter((c) => c.type.canLandAt.includes('origin'));
  const active = new Set(pickers);
  for (const c of crafts) if (!active.has(c)) for (const it of intents.get(c) ?? []) abandon(c, it);
  let steps = 0;
  let looks = 0;
  let stalled = 0;
  const backoff = new Map<Craft, number>();
  while (left > 0 && active.size > 0 && stalled < active.size * 96) {
    let craft: Craft | undefined;
    for (const c of active) if (!craft || c.free < craft.free) craft = c;
    if (!craft) break;
    // Landing slots booked before the earliest free aircraft can no longer matter (times only move forward).
    if (++looks % 256 === 0) for (const l of deps.slots.values()) l.forget(craft.free - 1);
    const mine = intents.get(craft) ?? [];
    if (craft.free >= craft.until) {
      for (const it of mine.splice(0)) abandon(craft, it);
      active.delete(craft);
      continue;
    }
    let moved = false;
    const intent = mine[0];
    if (intent) {
      // A replayed sortie goes first unless a load of people nobody carries any more is worth more now.
      const queue = deps.queues.get(intent.site)!;
      const weight = intent.ids.reduce((sum, id) => sum + (queue.has(id) ? net.weight(net.detainees.get(id)!.tier) : 0), 0);
      const mineScore = scoreOf(deps, craft, intent.site, weight) ?? 0;
      const better = Number.isFinite(seed!.favour) ? scoreSites(deps, craft).filter(([, score]) => score > mineScore * seed!.favour) : [];
      moved = better.some(([site]) => tryPickup(deps, craft, site) !== null);
      if (!moved) {
        mine.shift();
        if (weight > 0) tryPickup(deps, craft, intent.site, { forced: intent });
        abandon(craft, intent);
        // Progress either way: the sortie flew, or its people are free for others now.
        moved = true;
      }
    } else {
      // A trip that fits in the crew's duty today goes before one that waits for tomorrow.
      const ranked = rank(deps, craft);
      const site = ranked.find((s) => tryPickup(deps, craft, s, { sameDay: true }) !== null) ?? ranked.find((s) => tryPickup(deps, craft, s) !== null);
      moved = site !== undefined;
    }
    stalled = moved ? 0 : stalled + 1;
    // An aircraft that finds nothing to do waits and looks again: half an hour, doubling while it keeps finding
    // nothing (up to two hours) — when holding and intake downstream are full, every site fails for a while.
    const idle = moved ? 0 : (backoff.get(craft) ?? 0) + 1;
    backoff.set(craft, idle);
    if (!moved) craft.free += Math.min(2, 0.5 * 2 ** Math.min(2, idle - 1));
    left = 0;
    for (const q of deps.queues.values()) left += q.remaining;
    if (progress && ++steps % 50 === 0) progress(total - left, total);
  }
  deps.shuttles.finish(net.instance.rules);
  progress?.(total - left, total);
  return { crafts, left: [...deps.queues.values()].flatMap((q) => q.left()), heldLeft };
}
