import { DomainError } from '../kernel/index.js';
import { AirliftErrors } from './airlift.errors.js';
import type { TAirliftDetainee } from './airlift.schemas.js';
import type { Network } from './network.js';
import { Craft, route } from './planner/craft.js';
import { nationalityOf, nationalityQuotasOf } from './nationality.js';
import { whyConditions } from './conditions.js';

/**
 * Why no aircraft can legally carry a detainee, checked before planning so that an infeasible instance is
 * refused with the binding constraint named rather than planned around. Each check names one rule of
 * formats/airlift.md: the site (rule 1), the high-risk cap (11), landing (5), seats with escort and medic (9,
 * 10, 13), a destination with intake and quota (15, 16, 18), range and refuelling (6), availability (2).
 */

/** Seats one detainee needs alone on a leg: itself, its escort rounded up, and a medic if it needs one. */
function seatsFor(net: Network, d: TAirliftDetainee): number {
  const { rules } = net.instance;
  return 1 + Math.ceil(rules.escortPerDetainee[d.tier] - 1e-9) + (d.medical ? rules.medicSeats : 0);
}

/** True when `craft` can fly from its base to `site`, load, and bring the load on to a destination (directly or via staging). */
function canServe(net: Network, craft: Craft, site: string, shuttles: readonly Craft[]): boolean {
  if (craft.until <= craft.from) return false;
  const inbound = craft.node === site ? [] : route(craft, craft.node, site, { used: 0, reserveKm: 0 });
  if (!inbound) return false;
  const fill = { used: 0, reserveKm: 0 };
  for (const n of net.instance.nodes) {
    if (n.kind === 'destination' && route(craft, site, n.id, fill)) return true;
    if (n.kind !== 'staging' || !route(craft, site, n.id, fill)) continue;
    const onward = [craft, ...shuttles];
    if (onward.some((c) => c.canLand(n.id) && net.instance.nodes.some((m) => m.kind === 'destination' && route(c, n.id, m.id, fill)))) return true;
  }
  return false;
}

/** The reason no aircraft can carry `d` (a binding constraint), or null when one can. `memo` caches by site and seats. */
export function whyUncarriable(net: Network, d: TAirliftDetainee, memo = new Map<string, string | null>()): string | null {
  const { rules } = net.instance;
  if (net.nodes.get(d.site)?.kind !== 'origin') return `its site ${d.site} is not an origin of the instance`;
  if (d.tier === 'HIGH' && rules.maxHighRiskPerLeg < 1) return 'tier HIGH but maxHighRiskPerLeg is 0';
  const nat = whyNationality(net, d);
  if (nat) return nat;
  const cond = whyConditions(net, d);
  if (cond) return cond;
  const need = seatsFor(net, d);
  const key = `${d.site}\n${need}`;
  if (memo.has(key)) return memo.get(key)!;
  const why = whyNoAircraft(net, d, need);
  memo.set(key, why);
  return why;
}

/** Extension rule x-1: the detainee's nationality has a daily quota of 0 at every destination (naming the agreements). */
function whyNationality(net: Network, d: TAirliftDetainee): string | null {
  const nat = nationalityOf(d);
  if (nat === undefined) return null;
  const quotas = nationalityQuotasOf(net.instance).filter((q) => q.nationality === nat);
  if (quotas.length === 0) return null;
  const dests = net.instance.nodes.filter((n) => n.kind === 'destination');
  const zero = quotas.filter((q) => q.perDay < 1);
  if (!dests.every((n) => zero.some((q) => q.destination === n.id))) return null;
  const agreements = [...new Set(zero.map((q) => q.agreement ?? `quota at ${q.destination}`))];
  return `nationality ${nat} has a daily quota of 0 at every destination (agreement ${agreements.join(', ')})`;
}

function whyNoAircraft(net: Network, d: TAirliftDetainee, need: number): string | null {
  const types = [...net.types.values()].filter((t) => net.instance.aircraft.some((a) => a.type === t.id));
  const landing = types.filter((t) => t.canLandAt.includes('origin'));
  if (landing.length === 0) return 'no aircraft type can land at an origin';
  const seated = landing.filter((t) => t.seats >= need);
  if (seated.length === 0) return `needs ${need} seats (self, escort${d.medical ? ', medic' : ''}) but the largest aircraft landing at origins has ${Math.max(...landing.map((t) => t.seats))}`;
  const dests = net.instance.nodes.filter((n) => n.kind === 'destination');
  if (dests.length === 0) return 'the instance has no destination';
  const quota = (id: string) => Math.min(Infinity, ...net.instance.quotas.filter((q) => q.destination === id).map((q) => q.perDay));
  if (dests.every((n) => quota(n.id) < 1)) return 'every destination has a daily quota of 0';
  if (dests.every((n) => net.closed.has(n.id))) return 'every destination is closed (intake halted or landing zone closed)';
  if (net.closed.has(d.site)) return `its site ${d.site} is closed (breached, cut off or its landing zone closed)`;
  const crafts = net.instance.aircraft.map((a) => new Craft(net, a, net.types.get(a.type)!));
  const shuttles = crafts.filter((c) => !c.type.canLandAt.includes('origin') && c.until > c.from);
  const pickers = crafts.filter((c) => c.type.canLandAt.includes('origin') && c.type.seats >= need);
  if (pickers.every((c) => c.until <= c.from)) return `no aircraft with ${need} seats that lands at origins is ever available (availableUntil ≤ availableFrom)`;
  if (!pickers.some((c) => canServe(net, c, d.site, shuttles))) {
    return `no aircraft can reach site ${d.site} from its base and bring the load on to a destination within its range, refuel stops included`;
  }
  return null;
}

/** @throws DomainError AIRLIFT_INFEASIBLE naming the first detainee no aircraft can carry, and why. */
export function assertCarriable(net: Network): void {
  const memo = new Map<string, string | null>();
  for (const d of net.instance.detainees) {
    const why = whyUncarriable(net, d, memo);
    if (why) {
      throw new DomainError('invalid', AirliftErrors.AIRLIFT_INFEASIBLE, `no aircraft can legally carry detainee ${d.id}: ${why}`, {
        field: `detainees.${d.id}`, reason: why, constraint: why, detainee: d.id,
      });
    }
  }
}
