import type { TAirliftInstance, TTier } from './airlift.schemas.js';
import { compileNetwork, type Network } from './network.js';

/**
 * The exact optimum of the expected loss on tiny instances, by exhaustive search (branch and bound), to check
 * the planner and its bound against: bound ≤ optimum ≤ plan.
 *
 * The instances it accepts are the ones where the search is provably exhaustive: detainees of one tier, with no
 * keep-apart groups and no medical needs (so detainees of a site are interchangeable and a load is a count);
 * destinations only (no staging), reachable without refuelling, intake and quotas that never bind, landing
 * slots at least the number of aircraft, crews that may fly 24 hours a day, aircraft available long enough.
 * Then a plan is a sequence of trips per aircraft — base or destination → one site (or one site then the
 * other) → a destination — each leaving as early as it can, and the search enumerates every such schedule:
 * trips are committed in order of their first departure from a site; a trip takes as many of its first site's
 * detainees as fit (anyone left there leaves later: taking them now never hurts), and every count from its
 * second site. See docs/airlift.md, "Exact optimum on tiny instances".
 */

/** Why the exhaustive search does not apply to an instance (null when it does). */
export function exactUnsupported(instance: TAirliftInstance): string | null {
  const tiers = new Set(instance.detainees.map((d) => d.tier));
  if (tiers.size > 1) return 'detainees of more than one tier';
  if (instance.detainees.some((d) => d.keepApart.length > 0 || d.medical)) return 'keep-apart groups or medical needs';
  if (instance.nodes.some((n) => n.kind === 'staging')) return 'a staging node';
  if (instance.nodes.filter((n) => n.kind === 'destination').length !== 1) return 'not exactly one destination';
  if (instance.nodes.some((n) => n.kind === 'origin' && n.hazardSchedule !== undefined)) return 'a hazard schedule';
  const origins = instance.nodes.filter((n) => n.kind === 'origin');
  if (origins.length > 2) return 'more than two sites';
  if (origins.some((n) => (n.landingSlots ?? 1) < instance.aircraft.length)) return 'landing slots fewer than aircraft';
  if (instance.aircraft.length > 2) return 'more than two aircraft';
  if (instance.quotas.length > 0) return 'quotas';
  if (instance.nodes.some((n) => n.kind === 'destination' && (n.intakePerHour ?? 0) < instance.detainees.length)) return 'an intake that can bind';
  if (instance.aircraft.some((a) => a.maxFlightHoursPerDay < 24)) return 'crew duty limits';
  if (instance.detainees.length > 60) return 'more than 60 detainees';
  const net = compileNetwork(instance);
  for (const a of instance.aircraft) {
    const type = net.types.get(a.type)!;
    if (!type.canLandAt.includes('origin') || !type.canLandAt.includes('destination')) return `aircraft ${a.id} cannot land at sites and destinations`;
    const far = Math.max(...instance.nodes.map((p) => Math.max(...instance.nodes.map((q) => net.km(p.id, q.id)))));
    if (3 * far > type.rangeKm) return `aircraft ${a.id} may need to refuel`;
    if (net.hours(a.availableUntil) - net.hours(a.availableFrom) < 24 * 7) return `aircraft ${a.id} available less than a week`;
  }
  return null;
}

interface Plane {
  at: string;
  free: number;
  seats: number;
  speed: number;
  load: number;
  unload: number;
}

/** The most detainees of `tier` a leg of `seats` seats can carry with their escort (and the high-risk cap). */
function capacity(instance: TAirliftInstance, seats: number, tier: TTier): number {
  const e = instance.rules.escortPerDetainee[tier];
  let n = 0;
  while (n + 1 + Math.max(0, Math.ceil((n + 1) * e - 1e-9)) <= seats) n++;
  return tier === 'HIGH' ? Math.min(n, instance.rules.maxHighRiskPerLeg) : n;
}

/**
 * The least expected loss any valid plan of `instance` can have, by exhaustive search.
 * @throws Error when the instance is outside the family the search is exact for (see `exactUnsupported`).
 */
export function exactOptimum(instance: TAirliftInstance): number {
  const why = exactUnsupported(instance);
  if (why) throw new Error(`exact search does not apply: ${why}`);
  const net = compileNetwork(instance);
  const sites = instance.nodes.filter((n) => n.kind === 'origin').map((n) => n.id);
  const dests = instance.nodes.filter((n) => n.kind === 'destination').map((n) => n.id);
  const tier = instance.detainees[0]?.tier ?? 'LOW';
  const w = net.weight(tier);
  const left = sites.map((s) => instance.detainees.filter((d) => d.site === s).length);
  const planes: Plane[] = instance.aircraft.map((a) => {
    const t = net.types.get(a.type)!;
    return { at: a.base, free: net.hours(a.availableFrom), seats: capacity(instance, t.seats, tier), speed: t.speedKmh, load: t.loadMinutes / 60, unload: t.unloadMinutes / 60 };
  });
  const cost = (si: number, t: number) => w * (1 - Math.exp(-net.hazardIntegral(sites[si]!, t)));
  let best = instance.detainees.length * w;
  // A first feasible value: everyone still unmoved counts whole (an upper bound the search improves on).
  const search = (lastCommit: number, loss: number) => {
    if (left.every((n) => n === 0)) {
      best = Math.min(best, loss);
      return;
    }
    // Lower bound: everyone left leaves no earlier than the last commit or any aircraft could reach them.
    let lb = loss;
    for (let si = 0; si < sites.length; si++) {
      if (left[si] === 0) continue;
      let t = Infinity;
      for (const p of planes) t = Math.min(t, p.free + net.km(p.at, sites[si]!) / p.speed + p.load);
      lb += left[si]! * cost(si, Math.max(t, lastCommit));
    }
    if (lb >= best - 1e-12) return;
    for (const p of planes) {
      for (let first = 0; first < sites.length; first++) {
        if (left[first] === 0) continue;
        const depart1 = p.free + net.km(p.at, sites[first]!) / p.speed + p.load;
        if (depart1 < lastCommit - 1e-12) continue;
        const saved = { at: p.at, free: p.free };
        // One stop: as many as fit.
        const take = Math.min(left[first]!, p.seats);
        const drop = nearest(net, sites[first]!, dests);
        left[first]! -= take;
        p.at = drop;
        p.free = depart1 + net.km(sites[first]!, drop) / p.speed + p.unload;
        search(depart1, loss + take * cost(first, depart1));
        left[first]! += take;
        Object.assign(p, saved);
        // Two stops: every count from the second site, the first filling the rest.
        const second = 1 - first;
        if (sites.length < 2 || left[second] === 0) continue;
        const depart2 = depart1 + net.km(sites[first]!, sites[second]!) / p.speed + p.load;
        const drop2 = nearest(net, sites[second]!, dests);
        for (let b = 1; b <= Math.min(left[second]!, p.seats - 1); b++) {
          const a = Math.min(left[first]!, p.seats - b);
          if (a === 0) continue;
          left[first]! -= a;
          left[second]! -= b;
          p.at = drop2;
          p.free = depart2 + net.km(sites[second]!, drop2) / p.speed + p.unload;
          search(depart1, loss + a * cost(first, depart1) + b * cost(second, depart2));
          left[first]! += a;
          left[second]! += b;
          Object.assign(p, saved);
        }
      }
    }
  };
  search(-Infinity, 0);
  return best;
}

function nearest(net: Network, from: string, dests: string[]): string {
  return dests.reduce((a, b) => (net.km(from, b) < net.km(from, a) ? b : a));
}
