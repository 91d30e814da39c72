import type { TAircraftType, TTier } from './airlift.schemas.js';
import type { Network } from './network.js';

/**
 * The numbers the fluid relaxation is built from: detainee classes (site × tier), aircraft types that can land
 * at origins with their fastest possible round trip to each site, and the time buckets. Every figure is an
 * optimistic one, so that the relaxation's optimum is a lower bound on any plan's expected loss.
 */

export interface DetaineeClass {
  site: string;
  tier: TTier;
  count: number;
  weight: number;
  /** Seats one detainee of this tier takes with its escort share. */
  seats: number;
}

export interface PickupType {
  type: TAircraftType;
  aircraft: { from: number; until: number; base: string; duty: number }[];
  /**
   * Per site: hours of aircraft time a trip takes at least, hours of flight in it, and that time with the
   * refuelling its kilometres need (`fuelled`, see `freeRefuel`).
   */
  trip: Map<string, { time: number; flight: number; fuelled: number }>;
  /**
   * Refuelling hours an aircraft of the type is allowed for free: it starts full (one tank's kilometres need no
   * stop), and the last trip's flight out may be flown after the window; every trip's share of a stop is
   * `refuelMinutes × km / rangeKm`.
   */
  freeRefuel: number;
  /** The longest flight out of a site to the nearest drop. */
  outMax: number;
}

/** The classes of detainees that share a site and a tier. */
export function detaineeClasses(net: Network): DetaineeClass[] {
  const byKey = new Map<string, DetaineeClass>();
  for (const d of net.instance.detainees) {
    const key = `${d.site}\n${d.tier}`;
    const c = byKey.get(key);
    if (c) c.count++;
    else byKey.set(key, { site: d.site, tier: d.tier, count: 1, weight: net.weight(d.tier), seats: 1 + net.instance.rules.escortPerDetainee[d.tier] });
  }
  return [...byKey.values()];
}

/** Aircraft types that can land at origins, with the least time and flight a trip to each site can take. */
export function pickupTypes(net: Network, sites: readonly string[]): PickupType[] {
  const out: PickupType[] = [];
  for (const type of net.types.values()) {
    if (!type.canLandAt.includes('origin')) continue;
    const aircraft = net.instance.aircraft.filter((a) => a.type === type.id).map((a) => ({
      from: net.hours(a.availableFrom), until: net.hours(a.availableUntil), base: a.base, duty: a.maxFlightHoursPerDay,
    }));
    if (aircraft.length === 0) continue;
    const drops = net.instance.nodes.filter((n) => (n.kind === 'staging' || n.kind === 'destination') && type.canLandAt.includes(n.kind)).map((n) => n.id);
    const before = [...drops, ...aircraft.map((a) => a.base)];
    const trip = new Map<string, { time: number; flight: number; fuelled: number }>();
    let outMax = 0;
    for (const s of sites) {
      const outKm = Math.min(...drops.map((p) => net.km(s, p)));
      // By the triangle inequality no route (through refuel stops or other sites) is shorter than these.
      const backKm = Math.min(...before.map((p) => net.km(p, s)));
      const flight = (outKm + backKm) / type.speedKmh;
      // Every trip carries someone, who alights: the unload belongs to the trip (the last one's is the slack).
      const time = flight + type.loadMinutes / 60 + type.unloadMinutes / 60;
      // An aircraft refuels at least ⌈km flown / range⌉ − 1 times, each stop on the ground for refuelMinutes on
      // top of any loading and unloading there (rule 4 adds them).
      trip.set(s, { time, flight, fuelled: time + ((outKm + backKm) / type.rangeKm) * (type.refuelMinutes / 60) });
      if (Number.isFinite(outKm)) outMax = Math.max(outMax, outKm / type.speedKmh);
    }
    out.push({ type, aircraft, trip, outMax, freeRefuel: (type.refuelMinutes / 60) * (1 + (outMax * type.speedKmh) / type.rangeKm) });
  }
  return out;
}

/**
 * Bucket edges from `t0` to `horizon` hours, `count` of equal width, plus every instant of `cuts` between them
 * (UTC midnights: no bucket straddles a day, so trips can be counted per day of departure).
 */
export function bucketEdges(t0: number, horizon: number, count = 160, cuts: readonly number[] = []): number[] {
  const width = Math.max(0.25, (horizon - t0) / count);
  const inside = cuts.filter((c) => c > t0 + 1 / 60 && c < horizon - 1 / 60);
  const edges: number[] = [...inside];
  // Regular edges within a minute of a cut give way to it.
  for (let t = t0; t < horizon; t += width) if (t === t0 || !inside.some((c) => Math.abs(c - t) <= 1 / 60)) edges.push(t);
  edges.sort((a, b) => a - b);
  edges.push(horizon);
  return edges;
}
