import { DomainError } from '../kernel/index.js';
import { AirliftErrors } from './airlift.errors.js';
import type { TAircraftType, TAirliftDetainee } from './airlift.schemas.js';
import type { Network } from './network.js';

/**
 * Why no aircraft can legally carry a detainee, checked before planning so that an infeasible instance is
 * refused with the binding constraint named rather than planned around.
 */
export function whyUncarriable(net: Network, d: TAirliftDetainee): string | null {
  const { rules } = net.instance;
  if (d.tier === 'HIGH' && rules.maxHighRiskPerLeg < 1) return 'tier HIGH but maxHighRiskPerLeg is 0';
  const types = [...net.types.values()].filter((t) => net.instance.aircraft.some((a) => a.type === t.id));
  const landing = types.filter((t) => t.canLandAt.includes('origin'));
  if (landing.length === 0) return 'no aircraft type can land at an origin';
  const need = 1 + Math.ceil(rules.escortPerDetainee[d.tier] - 1e-9) + (d.medical ? rules.medicSeats : 0);
  const seated = landing.filter((t: TAircraftType) => t.seats >= need);
  if (seated.length === 0) return `needs ${need} seats (self, escort${d.medical ? ', medic' : ''}) but the largest aircraft landing at origins has ${Math.max(...landing.map((t) => t.seats))}`;
  const dests = net.instance.nodes.filter((n) => n.kind === 'destination');
  if (dests.length === 0) return 'the instance has no destination';
  if (dests.every((n) => (n.intakePerHour ?? 0) < 1)) return 'every destination has no intake';
  return null;
}

/** @throws DomainError AIRLIFT_INFEASIBLE naming the first detainee no aircraft can carry, and why. */
export function assertCarriable(net: Network): void {
  for (const d of net.instance.detainees) {
    const why = whyUncarriable(net, d);
    if (why) {
      throw new DomainError('invalid', AirliftErrors.AIRLIFT_INFEASIBLE, `no aircraft can legally carry detainee ${d.id}: ${why}`, {
        field: `detainees.${d.id}`, reason: why, constraint: why, detainee: d.id,
      });
    }
  }
}
