import type { TAirliftPlan, TLeg, TViolation } from './airlift.schemas.js';
import type { Network } from './network.js';

/**
 * The legs of a plan per aircraft in order of departure, and each detainee's trips (boarding leg to alighting
 * leg), found by following the people aboard each aircraft. Shared by the checker and the objective.
 */

/** One leg with its times in hours since start and the people aboard while it flies. */
export interface FlownLeg {
  leg: TLeg;
  index: number;
  depart: number;
  arrive: number;
  aboard: string[];
}

/** A detainee's ride on one aircraft: boards at `from` at `depart`, alights at `to` at `arrive`. */
export interface Trip {
  aircraft: string;
  from: string;
  to: string;
  depart: number;
  arrive: number;
}

export interface Flights {
  byAircraft: Map<string, FlownLeg[]>;
  trips: Map<string, Trip[]>;
  /** The departure of the first leg on which each detainee boards (whether or not it alights after). */
  firstBoard: Map<string, number>;
}

function sortedLegs(net: Network, legs: readonly TLeg[]): Map<string, FlownLeg[]> {
  const byAircraft = new Map<string, FlownLeg[]>();
  legs.forEach((leg, index) => {
    const list = byAircraft.get(leg.aircraft) ?? [];
    list.push({ leg, index, depart: net.hours(leg.depart), arrive: net.hours(leg.arrive), aboard: [] });
    byAircraft.set(leg.aircraft, list);
  });
  for (const list of byAircraft.values()) list.sort((a, b) => a.depart - b.depart || a.index - b.index);
  return byAircraft;
}

/**
 * Follows the people aboard each aircraft. Problems of rule 8 that show on one aircraft (boarding twice,
 * alighting without having boarded, still aboard after the last leg) go to `violations`.
 */
export function followFlights(net: Network, plan: Pick<TAirliftPlan, 'legs'>, violations: TViolation[]): Flights {
  const byAircraft = sortedLegs(net, plan.legs);
  const trips = new Map<string, Trip[]>();
  const firstBoard = new Map<string, number>();
  for (const [aircraft, legs] of byAircraft) {
    const aboard = new Map<string, { from: string; depart: number }>();
    for (const f of legs) {
      for (const id of f.leg.board) {
        if (aboard.has(id)) violations.push({ rule: 8, message: `leg ${f.index}: ${id} boards ${aircraft} while already aboard` });
        else aboard.set(id, { from: f.leg.from, depart: f.depart });
        const seen = firstBoard.get(id);
        if (seen === undefined || f.depart < seen) firstBoard.set(id, f.depart);
      }
      f.aboard = [...aboard.keys()];
      for (const id of f.leg.alight) {
        const on = aboard.get(id);
        if (!on) {
          violations.push({ rule: 8, message: `leg ${f.index}: ${id} alights from ${aircraft} without being aboard` });
          continue;
        }
        aboard.delete(id);
        const list = trips.get(id) ?? [];
        list.push({ aircraft, from: on.from, to: f.leg.to, depart: on.depart, arrive: f.arrive });
        trips.set(id, list);
      }
    }
    for (const id of aboard.keys()) violations.push({ rule: 8, message: `${aircraft} is not empty after its last leg: ${id} still aboard` });
  }
  for (const list of trips.values()) list.sort((a, b) => a.depart - b.depart);
  return { byAircraft, trips, firstBoard };
}
