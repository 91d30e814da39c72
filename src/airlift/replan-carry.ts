import type { TAirliftDetainee } from './airlift.schemas.js';
import { nationalityCaps, nationalityOf, nationalityQuotasOf } from './nationality.js';
import { utcDay, type Network } from './network.js';
import { commitLegs, dutyFits, nextDay, route, type Craft, type Hop, type PlannedLeg } from './planner/craft.js';
import { ArrivalLedger, IntervalLedger, MARGIN_H } from './planner/ledgers.js';
import { Manifest } from './planner/manifest.js';
import { legsFrom } from './planner/timeline.js';

/**
 * The last pass of a re-plan: detainees the scheduler left in a site that is still open are carried by any
 * aircraft that can still land there, each trip appended after the aircraft's last leg, straight to a
 * destination — through a refuel stop (a staging field, a refuel point) when the site is too far from it for
 * the fuel the aircraft arrives with. This is how the load of a lost fixed-wing shuttle goes onward by other
 * types: a helicopter that used to drop at the staging field carries the people the whole way.
 *
 * Every rule the scheduler keeps is kept here from the schedule's own legs: availability, crew duty per UTC day,
 * range and refuelling, landing slots at the site, seats with escorts, the high-risk cap, keep-apart, medics,
 * intake per hour, daily quotas and per-nationality quotas (x-1). No staging node is used as a drop, so
 * holding is untouched. See docs/airlift.md, "Re-planning".
 */

interface Trip {
  craft: Craft;
  site: string;
  dest: string;
  legs: PlannedLeg[];
  /** Index in `legs` of the first leg out of the site. */
  out: number;
  arriveSite: number;
  departSite: number;
  arriveDrop: number;
}

/** The ways out of `site` to `dest` for `craft`: direct, or via one refuel stop and on (the stop's own route). */
function waysOut(craft: Craft, site: string, dest: string): Hop[][] {
  const { net, type } = craft;
  const out: Hop[][] = [];
  const direct = net.km(site, dest);
  if (direct <= type.rangeKm - 1e-6) out.push([{ from: site, to: dest, km: direct, refuelBefore: false }]);
  for (const n of net.instance.nodes) {
    if (n.id === site || n.id === dest || !craft.canRefuelAt(n.id)) continue;
    const first = net.km(site, n.id);
    if (first > type.rangeKm - 1e-6) continue;
    // From the stop on with an empty tank: the route refuels there first.
    const rest = route(craft, n.id, dest, { used: type.rangeKm, reserveKm: 0 });
    if (rest) out.push([{ from: site, to: n.id, km: first, refuelBefore: false }, ...rest]);
  }
  return out;
}

/**
 * True when `craft`, leaving its base with a full tank, can reach `site` with fuel enough for a way out of it —
 * straight to an open destination or to a refuel stop and on — whatever the time: the range side of "could
 * legally carry" (the planner's own feasibility check takes the flights in and out separately).
 */
export function canLiftFrom(craft: Craft, site: string): boolean {
  const { net } = craft;
  if (!craft.canLand(site)) return false;
  for (const n of net.instance.nodes) {
    if (n.kind !== 'destination' || !craft.canLand(n.id)) continue;
    for (const way of waysOut(craft, site, n.id)) {
      const reserve = way[0]!.km;
      if (craft.spec.base === site ? reserve <= craft.type.rangeKm - 1e-6 : route(craft, craft.spec.base, site, { used: 0, reserveKm: reserve }) !== null) return true;
    }
  }
  return false;
}

/** Carries the detainees in `left` that it can; returns those still left. `crafts` get the new legs. */
export function carryLeft(net: Network, crafts: readonly Craft[], left: readonly TAirliftDetainee[], at: number): TAirliftDetainee[] {
  const open = left.filter((d) => net.nodes.get(d.site)?.kind === 'origin' && !net.closed.has(d.site));
  if (open.length === 0) return [...left];
  const { rules } = net.instance;
  const kindOf = (id: string) => net.nodes.get(id)?.kind;

  // The resources the schedule has booked, rebuilt from its legs.
  const slots = new Map<string, IntervalLedger>();
  const caps = nationalityCaps(nationalityQuotasOf(net.instance));
  const arrivals = new Map<string, ArrivalLedger>();
  for (const n of net.instance.nodes) {
    if (n.kind === 'origin') slots.set(n.id, new IntervalLedger());
    if (n.kind === 'destination') {
      const quota = Math.min(Infinity, ...net.instance.quotas.filter((q) => q.destination === n.id).map((q) => q.perDay));
      arrivals.set(n.id, new ArrivalLedger(n.intakePerHour ?? 0, quota, caps.get(n.id)));
    }
  }
  const counters = new Map<Craft, number>();
  for (const c of crafts) {
    const last = c.legs[c.legs.length - 1];
    // The scheduler moves an idle aircraft's clock on while it looks for work: it is free from its last leg.
    c.free = Math.max(at, c.from, last ? last.arrive + (last.alight.length > 0 ? c.type.unloadMinutes / 60 : 0) + MARGIN_H : c.from);
    let n = 0;
    c.legs.forEach((l, i) => {
      const m = /\/(\d+)$/.exec(l.sortie);
      if (m && l.sortie.startsWith(`${c.spec.id}/`)) n = Math.max(n, Number(m[1]));
      if (kindOf(l.to) === 'origin') slots.get(l.to)?.add(l.arrive - MARGIN_H, (c.legs[i + 1]?.depart ?? c.free) + MARGIN_H, 1);
      const ledger = arrivals.get(l.to);
      if (ledger && l.alight.length > 0) {
        const day = utcDay(net, l.arrive);
        ledger.add(l.arrive, day, l.alight.length);
        if (ledger.capsNationality) ledger.addNationalities(day, l.alight.map((id) => { const d = net.detainees.get(id); return d && nationalityOf(d); }));
      }
    });
    counters.set(c, n);
  }

  /** The earliest trip of `craft` via `site` to `dest` along `way`, with a landing slot, duty and intake room; null when none. */
  const timeTrip = (craft: Craft, site: string, way: Hop[]): Trip | null => {
    const reserve = way[0]!.km;
    const inHops = craft.node === site ? (craft.fuelUsed + reserve <= craft.type.rangeKm - 1e-6 ? [] : null) : route(craft, craft.node, site, { used: craft.fuelUsed, reserveKm: reserve });
    if (!inHops) return null;
    const dest = way[way.length - 1]!.to;
    const ledger = arrivals.get(dest);
    const limit = net.nodes.get(site)?.landingSlots ?? 1;
    const ground = craft.type.loadMinutes / 60 + MARGIN_H;
    let ready = craft.free;
    const splits = new Set<number>();
    for (let attempt = 0; attempt < 200 && ready < craft.until; attempt++) {
      const inLegs = legsFrom(craft, inHops, ready, '');
      const arriveSite = inLegs[inLegs.length - 1]?.arrive ?? ready;
      const fit = slots.get(site)!.earliestFit(arriveSite, ground, limit);
      if (fit > arriveSite + 1e-9 && inLegs.length > 0) {
        ready += fit - arriveSite;
        continue;
      }
      const departSite = Math.max(fit, arriveSite) + ground;
      const outLegs = legsFrom(craft, way, departSite, '');
      const arriveDrop = outLegs[outLegs.length - 1]!.arrive;
      if (arriveDrop + craft.type.unloadMinutes / 60 + MARGIN_H > craft.until) return null;
      const legs = [...inLegs, ...outLegs];
      if (!dutyFits(craft, legs)) {
        // Crew duty counts per UTC day of departure: leaving the site just after midnight puts the flight out
        // on the next day's duty (tried once), else the whole trip waits for the next day.
        const split = nextDay(craft, departSite) - (departSite - ready);
        if (split > ready + 1e-9 && !splits.has(split)) {
          splits.add(split);
          ready = split;
        } else ready = nextDay(craft, ready);
        continue;
      }
      if (!ledger || ledger.room(arriveDrop, utcDay(net, arriveDrop), 1) < 1) {
        ready += 0.25;
        continue;
      }
      return { craft, site, dest, legs, out: inLegs.length, arriveSite: Math.max(fit, arriveSite), departSite, arriveDrop };
    }
    return null;
  };
  const bestTrip = (craft: Craft, site: string): Trip | null => {
    let best: Trip | null = null;
    for (const n of net.instance.nodes) {
      if (n.kind !== 'destination' || !craft.canLand(n.id)) continue;
      for (const way of waysOut(craft, site, n.id)) {
        const trip = timeTrip(craft, site, way);
        if (trip && (!best || trip.arriveDrop < best.arriveDrop)) best = trip;
      }
    }
    return best;
  };

  // Who is left at each open site, the heaviest first (a load takes them in that order while they fit).
  const bySite = new Map<string, TAirliftDetainee[]>();
  for (const d of open) bySite.set(d.site, [...(bySite.get(d.site) ?? []), d]);
  for (const list of bySite.values()) list.sort((a, b) => net.weight(b.tier) - net.weight(a.tier));
  const pickers = crafts.filter((c) => c.type.canLandAt.includes('origin'));
  const hopeless = new Set<string>();
  for (;;) {
    let best: Trip | null = null;
    for (const [site, list] of bySite) {
      if (list.length === 0) continue;
      for (const craft of pickers) {
        if (hopeless.has(`${craft.spec.id}\n${site}`) || craft.free >= craft.until || (best && craft.free >= best.departSite)) continue;
        const trip = bestTrip(craft, site);
        if (!trip) hopeless.add(`${craft.spec.id}\n${site}`);
        else if (!best || trip.departSite < best.departSite) best = trip;
      }
    }
    if (!best) break;
    const { craft, site, dest } = best;
    const list = bySite.get(site)!;
    const ledger = arrivals.get(dest)!;
    const day = utcDay(net, best.arriveDrop);
    let room = ledger.room(best.arriveDrop, day, craft.type.seats);
    const manifest = new Manifest(craft.type.seats, rules);
    const nats = new Map<string, number>();
    for (const d of list) {
      if (room < 1) break;
      const nat = nationalityOf(d);
      if (nat !== undefined && ledger.natRoom(day, nat) - (nats.get(nat) ?? 0) < 1) continue;
      if (!manifest.fits(d)) continue;
      manifest.add(d);
      room--;
      if (nat !== undefined) nats.set(nat, (nats.get(nat) ?? 0) + 1);
    }
    if (manifest.people.length === 0) {
      hopeless.add(`${craft.spec.id}\n${site}`);
      continue;
    }
    const n = counters.get(craft)! + 1;
    counters.set(craft, n);
    const label = `${craft.spec.id}/${n}`;
    const ids = manifest.people.map((d) => d.id);
    for (const l of best.legs) l.sortie = label;
    const out = best.legs.slice(best.out);
    out[0]!.board = ids;
    out[out.length - 1]!.alight = ids;
    for (const l of out) {
      l.guards = manifest.guards;
      l.medic = manifest.medic;
    }
    slots.get(site)!.add(best.arriveSite - MARGIN_H, best.departSite + MARGIN_H, 1);
    ledger.add(best.arriveDrop, day, ids.length);
    if (ledger.capsNationality) ledger.addNationalities(day, manifest.people.map(nationalityOf));
    commitLegs(craft, best.legs, best.arriveDrop + craft.type.unloadMinutes / 60 + MARGIN_H);
    const going = new Set(ids);
    bySite.set(site, list.filter((d) => !going.has(d.id)));
  }
  const carried = new Set(open.map((d) => d.id));
  for (const list of bySite.values()) for (const d of list) carried.delete(d.id);
  return left.filter((d) => !carried.has(d.id));
}
