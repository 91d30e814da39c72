import type { TAircraft, TAircraftType } from '../airlift.schemas.js';
import { dayStartHours, utcDay, type Network } from '../network.js';
import { MARGIN_H } from './ledgers.js';

/**
 * An aircraft as the planner moves it: where it is, from when it is free, fuel used since the last fill, its
 * flight hours per UTC day, and the legs it has been given. Routing finds the quickest way between two nodes
 * within range, through refuel points when needed.
 */

/** A leg being planned, times in hours since start. */
export interface PlannedLeg {
  from: string;
  to: string;
  depart: number;
  arrive: number;
  refuelBefore: boolean;
  board: string[];
  alight: string[];
  guards: number;
  medic: boolean;
  sortie: string;
}

/** One hop of a route. */
export interface Hop {
  from: string;
  to: string;
  km: number;
  refuelBefore: boolean;
}

export class Craft {
  node: string;
  free: number;
  fuelUsed = 0;
  readonly duty = new Map<number, number>();
  readonly legs: PlannedLeg[] = [];
  readonly from: number;
  readonly until: number;

  constructor(
    readonly net: Network,
    readonly spec: TAircraft,
    readonly type: TAircraftType,
  ) {
    this.node = spec.base;
    this.from = net.hours(spec.availableFrom);
    this.until = net.hours(spec.availableUntil);
    this.free = this.from;
  }

  canLand(node: string): boolean {
    const kind = this.net.nodes.get(node)?.kind;
    return kind !== undefined && this.type.canLandAt.includes(kind) && !this.net.closed.has(node);
  }

  canRefuelAt(node: string): boolean {
    return this.canLand(node) && (this.net.nodes.get(node)?.refuel === true || node === this.spec.base);
  }

  hoursFor(km: number): number {
    return km / this.type.speedKmh;
  }
}

const routeCache = new WeakMap<Network, Map<string, Hop[] | null>>();

/**
 * The quickest hops from `from` to `to` for `craft` with `fuelUsed` km flown since the last fill, leaving at
 * least `reserveKm` of range on arrival; stops only at nodes where it may refuel (and does). Null when none.
 */
export function route(craft: Craft, from: string, to: string, fuel: { used: number; reserveKm: number }): Hop[] | null {
  const { net, type } = craft;
  const range = type.rangeKm - 1e-6;
  const direct = net.km(from, to);
  if (!craft.canLand(to)) return null;
  if (fuel.used + direct + fuel.reserveKm <= range) return [{ from, to, km: direct, refuelBefore: false }];
  if (craft.canRefuelAt(from) && direct + fuel.reserveKm <= range) return [{ from, to, km: direct, refuelBefore: true }];
  let cache = routeCache.get(net);
  if (!cache) routeCache.set(net, (cache = new Map<string, Hop[] | null>()));
  const key = `${craft.spec.type}|${craft.spec.base}|${from}|${to}|${Math.round(fuel.used)}|${Math.round(fuel.reserveKm)}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const found = searchRoute(craft, from, to, fuel);
  cache.set(key, found);
  return found;
}

function searchRoute(craft: Craft, from: string, to: string, fuel: { used: number; reserveKm: number }): Hop[] | null {
  const { net, type } = craft;
  const range = type.rangeKm - 1e-6;
  const stops = net.instance.nodes.map((n) => n.id).filter((id) => id !== from && id !== to && craft.canRefuelAt(id));
  const refuelH = type.refuelMinutes / 60;
  // Dijkstra over refuel stops; the time of a stop includes its refuelling.
  const best = new Map<string, { t: number; prev: string | null; refuelAtStart: boolean }>();
  const startUsed = fuel.used;
  const canFillStart = craft.canRefuelAt(from);
  const open: string[] = [];
  for (const s of stops) {
    const km = net.km(from, s);
    const refuel = startUsed + km > range;
    if (refuel && (!canFillStart || km > range)) continue;
    best.set(s, { t: craft.hoursFor(km) + (refuel ? refuelH : 0) + refuelH, prev: null, refuelAtStart: refuel });
    open.push(s);
  }
  const done = new Set<string>();
  while (open.length > 0) {
    open.sort((a, b) => best.get(a)!.t - best.get(b)!.t);
    const u = open.shift()!;
    if (done.has(u)) continue;
    done.add(u);
    const bu = best.get(u)!;
    for (const v of stops) {
      const km = net.km(u, v);
      if (done.has(v) || km > range) continue;
      const t = bu.t + craft.hoursFor(km) + refuelH;
      if (t < (best.get(v)?.t ?? Infinity)) {
        best.set(v, { t, prev: u, refuelAtStart: false });
        open.push(v);
      }
    }
  }
  let bestLast: string | null = null;
  let bestT = Infinity;
  for (const [s, b] of best) {
    const km = net.km(s, to);
    if (km + fuel.reserveKm > range) continue;
    const t = b.t + craft.hoursFor(km);
    if (t < bestT) [bestT, bestLast] = [t, s];
  }
  if (bestLast === null) return null;
  const chain: string[] = [];
  for (let s: string | null = bestLast; s !== null; s = best.get(s)?.prev ?? null) chain.unshift(s);
  const hops: Hop[] = [];
  let at = from;
  chain.forEach((s, i) => {
    hops.push({ from: at, to: s, km: net.km(at, s), refuelBefore: i === 0 ? (best.get(chain[0]!)?.refuelAtStart ?? false) : true });
    at = s;
  });
  hops.push({ from: at, to, km: net.km(at, to), refuelBefore: true });
  return hops;
}

/** Flight hours that `legs` would add on each UTC day, on top of what the craft has flown. */
export function dutyFits(craft: Craft, legs: readonly { depart: number; arrive: number }[]): boolean {
  const add = new Map<number, number>();
  for (const l of legs) {
    const day = utcDay(craft.net, l.depart);
    add.set(day, (add.get(day) ?? 0) + l.arrive - l.depart + MARGIN_H / 4);
  }
  for (const [day, h] of add) if ((craft.duty.get(day) ?? 0) + h > craft.spec.maxFlightHoursPerDay) return false;
  return true;
}

/** The start of the UTC day after the one containing `h`. */
export function nextDay(craft: Craft, h: number): number {
  return dayStartHours(craft.net, utcDay(craft.net, h) + 1) + 1e-6;
}

/** Appends legs to the craft: duty, fuel, position and the time from which it is free again. */
export function commitLegs(craft: Craft, legs: readonly PlannedLeg[], freeAfter: number): void {
  for (const l of legs) {
    const day = utcDay(craft.net, l.depart);
    craft.duty.set(day, (craft.duty.get(day) ?? 0) + l.arrive - l.depart + MARGIN_H / 4);
    if (l.refuelBefore) craft.fuelUsed = 0;
    craft.fuelUsed += craft.net.km(l.from, l.to);
    craft.legs.push(l);
    craft.node = l.to;
  }
  craft.free = freeAfter;
}
