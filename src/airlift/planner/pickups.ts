import type { TAirliftDetainee } from '../airlift.schemas.js';
import { utcDay, type Network } from '../network.js';
import { commitLegs, dutyFits, nextDay, route, type Craft, type PlannedLeg } from './craft.js';
import { MARGIN_H, type ArrivalLedger, type IntervalLedger } from './ledgers.js';
import { Manifest, type SiteQueue } from './manifest.js';
import type { Shuttles } from './shuttles.js';
import { applyManifest } from './shuttles.js';
import { fuelAfter, legsFrom } from './timeline.js';

/**
 * Pickup trips: an aircraft that can land at origins flies to a site, loads the most critical detainees that
 * fit together, and drops them at a staging node (each booked onto an onward run) or at a destination. The
 * site is chosen by hazard-weighted value per aircraft-hour (Smith's rule on the breach density).
 */

export interface PickupDeps {
  net: Network;
  queues: Map<string, SiteQueue>;
  slots: Map<string, IntervalLedger>;
  arrivals: Map<string, ArrivalLedger>;
  shuttles: Shuttles;
  sortieOf: (craft: Craft) => string;
}

interface TripPlan {
  legs: PlannedLeg[];
  /** Index in `legs` of the first leg out of the site. */
  out: number;
  arriveSite: number;
  departSite: number;
  drop: string;
  arriveDrop: number;
}

/** Drop nodes for `craft`, nearest to `site` first: staging (when onward runs exist) before destinations. */
export function dropsFor(deps: PickupDeps, craft: Craft, site: string): string[] {
  const { net } = deps;
  const ok = (kind: string) => (kind === 'staging' ? deps.shuttles.available : kind === 'destination');
  const nodes = net.instance.nodes.filter((n) => ok(n.kind) && craft.canLand(n.id));
  return nodes.sort((a, b) => (a.kind === b.kind ? net.km(site, a.id) - net.km(site, b.id) : a.kind === 'staging' ? -1 : 1)).map((n) => n.id);
}

/** The timing of a trip from the craft's position via `site` to `drop`, or null when it cannot be flown. */
export function planTrip(deps: PickupDeps, craft: Craft, site: string, drop: string): TripPlan | null {
  const outProbe = route(craft, site, drop, { used: 0, reserveKm: 0 });
  if (!outProbe) return null;
  const inHops = craft.node === site ? [] : route(craft, craft.node, site, { used: craft.fuelUsed, reserveKm: outProbe[0]!.km });
  if (!inHops) return null;
  const outHops = route(craft, site, drop, { used: fuelAfter(craft.fuelUsed, inHops), reserveKm: 0 });
  if (!outHops) return null;
  const slots = deps.slots.get(site);
  const limit = deps.net.nodes.get(site)?.landingSlots ?? 1;
  const ground = craft.type.loadMinutes / 60 + (outHops[0]!.refuelBefore ? craft.type.refuelMinutes / 60 : 0) + MARGIN_H;
  let ready = craft.free;
  for (let attempt = 0; attempt < 8 && ready < craft.until; attempt++) {
    const inLegs = legsFrom(craft, inHops, ready, '');
    const arriveSite = inLegs[inLegs.length - 1]?.arrive ?? ready;
    const fit = slots ? slots.earliestFit(arriveSite, ground, limit) : arriveSite;
    if (fit > arriveSite + 1e-9 && inLegs.length > 0) {
      ready += fit - arriveSite;
      continue;
    }
    const departSite = Math.max(fit, arriveSite) + ground;
    const outLegs = legsFrom(craft, outHops, departSite - (outHops[0]!.refuelBefore ? craft.type.refuelMinutes / 60 : 0), deps.sortieOf(craft));
    const arriveDrop = outLegs[outLegs.length - 1]!.arrive;
    if (arriveDrop + craft.type.unloadMinutes / 60 + MARGIN_H > craft.until) return null;
    const legs = [...inLegs, ...outLegs];
    if (!dutyFits(craft, legs)) {
      ready = nextDay(craft, ready);
      continue;
    }
    return { legs, out: inLegs.length, arriveSite: Math.max(fit, arriveSite), departSite: outLegs[0]!.depart, drop, arriveDrop };
  }
  return null;
}

/** Books the load of a planned trip: onward runs for a staging drop, intake for a destination. Returns who goes. */
function bookLoad(deps: PickupDeps, craft: Craft, trip: TripPlan, load: Manifest): TAirliftDetainee[] {
  const kind = deps.net.nodes.get(trip.drop)?.kind;
  if (kind === 'staging') return load.people.filter((d) => deps.shuttles.book(d, trip.drop, trip.arriveDrop));
  const ledger = deps.arrivals.get(trip.drop);
  const day = utcDay(deps.net, trip.arriveDrop);
  const room = ledger ? ledger.room(trip.arriveDrop, day, load.people.length) : 0;
  const going = load.people.slice(0, room);
  ledger?.add(trip.arriveDrop, day, going.length);
  return going;
}

/** Tries to fly one pickup from `site`; true when a trip was committed. */
export function tryPickup(deps: PickupDeps, craft: Craft, site: string): boolean {
  const queue = deps.queues.get(site);
  if (!queue || queue.remaining === 0) return false;
  const { rules } = deps.net.instance;
  for (const drop of dropsFor(deps, craft, site)) {
    const trip = planTrip(deps, craft, site, drop);
    if (!trip) continue;
    const load = queue.pick(craft.type.seats, rules);
    if (load.people.length === 0) return false;
    const going = bookLoad(deps, craft, trip, load);
    if (going.length === 0) continue;
    const manifest = new Manifest(craft.type.seats, rules);
    for (const d of going) manifest.add(d);
    applyManifest(trip.legs.slice(trip.out), manifest, rules);
    deps.slots.get(site)?.add(trip.arriveSite - MARGIN_H, trip.departSite + MARGIN_H, 1);
    commitLegs(craft, trip.legs, trip.arriveDrop + craft.type.unloadMinutes / 60 + MARGIN_H);
    queue.take(new Set(going.map((d) => d.id)));
    return true;
  }
  return false;
}
