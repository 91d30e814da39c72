import type { Craft, Hop, PlannedLeg } from './craft.js';

/** Small margin added to each flight time, in hours (2 s), so that rounding to seconds never shortens a leg. */
const FLIGHT_MARGIN_H = 2 / 3600;

/**
 * Legs for `hops` flown by `craft`, the first departing no earlier than `readyAt` (plus refuelling when the
 * hop refuels first); each stop on the way takes its refuelling time.
 */
export function legsFrom(craft: Craft, hops: readonly Hop[], readyAt: number, sortie: string): PlannedLeg[] {
  const refuelH = craft.type.refuelMinutes / 60;
  let cursor = readyAt;
  return hops.map((h) => {
    const depart = cursor + (h.refuelBefore ? refuelH : 0);
    const arrive = depart + craft.hoursFor(h.km) + FLIGHT_MARGIN_H;
    cursor = arrive;
    return { from: h.from, to: h.to, depart, arrive, refuelBefore: h.refuelBefore, board: [], alight: [], guards: 0, medic: false, sortie };
  });
}

/** Fuel used since the last fill after flying `hops`, starting with `used`. */
export function fuelAfter(used: number, hops: readonly Hop[]): number {
  let u = used;
  for (const h of hops) u = (h.refuelBefore ? 0 : u) + h.km;
  return u;
}
