import type { TAirliftDetainee } from '../airlift.schemas.js';
import { utcDay, type Network } from '../network.js';
import { commitLegs, dutyFits, nextDay, route, type Craft, type PlannedLeg } from './craft.js';
import { MARGIN_H, type ArrivalLedger, type IntervalLedger, type MinuteLedger } from './ledgers.js';
import { Manifest, type SiteQueue } from './manifest.js';
import type { Shuttles } from './shuttles.js';
import { applyManifest } from './shuttles.js';
import { fuelAfter, legsFrom } from './timeline.js';
import { nationalityOf } from '../nationality.js';
import { arrivalRulesOf, bothAdmit, screenAdmit } from '../conditions.js';

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
  holding: Map<string, MinuteLedger>;
  /** How strongly a site's score favours short trips: value per (aircraft hours)^this. */
  hoursExponent: number;
  /** When manifest notice (x-4) is given: the disruption in a re-plan, else the start (hours). */
  noticeSince: number;
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
export function planTrip(deps: PickupDeps, craft: Craft, want: { site: string; drop: string; label: string; notBefore?: number; sameDay?: boolean; medical?: boolean }): TripPlan | null {
  const { site, drop, label } = want;
  // Agreement conditions (conditions.ts): a ride towards a destination departs after its manifest notice (x-4).
  const conditions = arrivalRulesOf(deps.net);
  const notBefore = Math.max(want.notBefore ?? -Infinity, conditions.noticeFrom(drop, deps.noticeSince));
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
    const inLegs = legsFrom(craft, inHops, ready, label);
    const arriveSite = inLegs[inLegs.length - 1]?.arrive ?? ready;
    const fit = slots ? slots.earliestFit(arriveSite, ground, limit) : arriveSite;
    if (fit > arriveSite + 1e-9 && inLegs.length > 0) {
      ready += fit - arriveSite;
      continue;
    }
    const departSite = Math.max(fit, arriveSite) + ground;
    if (departSite < notBefore - 1e-9) {
      ready += notBefore - departSite;
      continue;
    }
    const outLegs = legsFrom(craft, outHops, departSite - (outHops[0]!.refuelBefore ? craft.type.refuelMinutes / 60 : 0), label);
    const arriveDrop = outLegs[outLegs.length - 1]!.arrive;
    // …and lands inside the destination's windows (x-2, x-3; x-5 when carrying medical needs): else leave later.
    const open = conditions.earliest(drop, arriveDrop, want.medical ?? false);
    if (open === null) return null;
    if (open > arriveDrop + 1e-9) {
      ready += open - arriveDrop;
      continue;
    }
    if (arriveDrop + craft.type.unloadMinutes / 60 + MARGIN_H > craft.until) return null;
    const legs = [...inLegs, ...outLegs];
    if (!dutyFits(craft, legs)) {
      if (want.sameDay) return null;
      ready = nextDay(craft, ready);
      continue;
    }
    return { legs, out: inLegs.length, arriveSite: Math.max(fit, arriveSite), departSite: outLegs[0]!.depart, drop, arriveDrop };
  }
  return null;
}

/** Books the load of a planned trip: onward runs for a staging drop, intake for a destination. Returns who goes. */
function bookLoad(deps: PickupDeps, trip: TripPlan, load: Manifest, replay: boolean): TAirliftDetainee[] {
  const kind = deps.net.nodes.get(trip.drop)?.kind;
  if (kind === 'staging') return load.people.filter((d) => deps.shuttles.book(d, trip.drop, trip.arriveDrop, { replay }));
  const ledger = deps.arrivals.get(trip.drop);
  const day = utcDay(deps.net, trip.arriveDrop);
  const admit = bothAdmit(screenAdmit(deps.net, trip.drop, trip.arriveDrop), natAdmit(deps, trip));
  const people = admit ? load.people.filter(admit) : load.people;
  const room = ledger ? ledger.room(trip.arriveDrop, day, people.length) : 0;
  const going = people.slice(0, room);
  ledger?.add(trip.arriveDrop, day, going.length);
  if (ledger?.capsNationality) ledger.addNationalities(day, going.map(nationalityOf));
  return going;
}

/**
 * For a trip to a destination that caps some nationality per day (x-1): a filter that admits detainees while
 * their nationality has room that day, counting those it admits. Undefined when nothing is capped.
 */
function natAdmit(deps: PickupDeps, trip: TripPlan): ((d: TAirliftDetainee) => boolean) | undefined {
  const ledger = deps.arrivals.get(trip.drop);
  if (!ledger?.capsNationality || deps.net.nodes.get(trip.drop)?.kind !== 'destination') return undefined;
  const day = utcDay(deps.net, trip.arriveDrop);
  const used = new Map<string, number>();
  return (d) => {
    const nat = nationalityOf(d);
    const room = ledger.natRoom(day, nat);
    if (room === Infinity) return true;
    const n = used.get(nat!) ?? 0;
    if (n >= room) return false;
    used.set(nat!, n + 1);
    return true;
  };
}

/** A pickup being replayed from an earlier plan: exactly these detainees, to this drop if it can, under this label. */
export interface ForcedLoad {
  ids: readonly string[];
  drop?: string;
  label?: string;
  /** Leave the site no earlier than this (hours): a replayed sortie keeps its time when it can. */
  depart?: number;
}

/** Tries to fly one pickup from `site` (or the forced load); the detainees who went, or null when nothing was committed. */
export function tryPickup(deps: PickupDeps, craft: Craft, site: string, how: { forced?: ForcedLoad; sameDay?: boolean } = {}): TAirliftDetainee[] | null {
  const { forced, sameDay = false } = how;
  const queue = deps.queues.get(site);
  if (!queue || queue.remaining === 0) return null;
  const { rules } = deps.net.instance;
  const drops = dropsFor(deps, craft, site);
  if (forced?.drop !== undefined && drops.includes(forced.drop)) drops.sort((a, b) => Number(b === forced.drop) - Number(a === forced.drop));
  const label = forced?.label ?? deps.sortieOf(craft);
  for (const drop of drops) {
    let trip = (forced?.depart !== undefined ? planTrip(deps, craft, { site, drop, label, notBefore: forced.depart, sameDay }) : null) ?? planTrip(deps, craft, { site, drop, label, sameDay });
    if (!trip) continue;
    const pick = (t: TripPlan) => queue.pick(craft.type.seats, rules, 200, bothAdmit(screenAdmit(deps.net, drop, t.arriveDrop), natAdmit(deps, t)));
    let load = forced ? queue.pickIds(forced.ids, craft.type.seats, rules) : pick(trip);
    if (load.people.length === 0 && !forced && screenAdmit(deps.net, drop, trip.arriveDrop)) {
      // Only people with medical needs fit: fly them when the destination screens arrivals (x-5).
      trip = planTrip(deps, craft, { site, drop, label, sameDay, medical: true });
      if (!trip) continue;
      load = pick(trip);
    }
    if (load.people.length === 0) return null;
    const going = bookLoad(deps, trip, load, forced !== undefined);
    if (going.length === 0) continue;
    const manifest = new Manifest(craft.type.seats, rules);
    for (const d of going) manifest.add(d);
    applyManifest(trip.legs.slice(trip.out), manifest, rules);
    deps.slots.get(site)?.add(trip.arriveSite - MARGIN_H, trip.departSite + MARGIN_H, 1);
    commitLegs(craft, trip.legs, trip.arriveDrop + craft.type.unloadMinutes / 60 + MARGIN_H);
    queue.take(new Set(going.map((d) => d.id)));
    return going;
  }
  return null;
}
