import type { TObjective } from './airlift.schemas.js';
import type { Network } from './network.js';
import type { Flights } from './trips.js';

/**
 * The objective exactly as formats/airlift.md defines it: expected loss (each detainee's tier weight times the
 * probability that its site is breached before its first leg departs, or the weight itself when it never
 * leaves), completion hours (the latest arrival at a destination; null when anyone is not delivered) and
 * flight hours (the sum of leg durations).
 */
export function computeObjective(net: Network, flights: Flights): TObjective {
  let expectedLoss = 0;
  let completion = 0;
  let undelivered = false;
  for (const d of net.instance.detainees) {
    const w = net.weight(d.tier);
    const trips = flights.trips.get(d.id);
    const first = trips?.[0];
    const firstBoard = flights.firstBoard.get(d.id);
    if (firstBoard === undefined) expectedLoss += w;
    else expectedLoss += w * (1 - Math.exp(-net.hazardIntegral(d.site, firstBoard)));
    const last = trips?.[trips.length - 1];
    if (!first || !last || net.nodes.get(last.to)?.kind !== 'destination') undelivered = true;
    else completion = Math.max(completion, last.arrive);
  }
  let flightHours = 0;
  for (const legs of flights.byAircraft.values()) for (const f of legs) flightHours += f.arrive - f.depart;
  return { expectedLoss, completionHours: undelivered ? null : completion, flightHours };
}

