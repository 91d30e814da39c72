import type { TAircraft, TAircraftType, TViolation } from './airlift.schemas.js';
import { TOLERANCE_H, utcDay, type Network } from './network.js';
import type { FlownLeg, Flights } from './trips.js';

/** Rules 1–7 and 17 of formats/airlift.md: what each aircraft does, leg by leg. */

const KM_EPS = 1e-6;
const at = (f: FlownLeg) => `leg ${f.index} (${f.leg.aircraft} ${f.leg.from}→${f.leg.to} ${f.leg.depart})`;

/** Rule 1 for the instance's own references and for every id a leg names. */
export function checkReferences(net: Network, legs: readonly FlownLeg[], out: TViolation[]): void {
  const { instance } = net;
  for (const a of instance.aircraft) {
    if (!net.types.has(a.type)) out.push({ rule: 1, message: `aircraft ${a.id}: unknown type ${a.type}` });
    if (!net.nodes.has(a.base)) out.push({ rule: 1, message: `aircraft ${a.id}: unknown base ${a.base}` });
  }
  for (const d of instance.detainees) {
    if (net.nodes.get(d.site)?.kind !== 'origin') out.push({ rule: 1, message: `detainee ${d.id}: site ${d.site} is not an origin node` });
  }
  for (const q of instance.quotas) {
    if (net.nodes.get(q.destination)?.kind !== 'destination') out.push({ rule: 1, message: `quota: ${q.destination} is not a destination node` });
  }
  for (const f of legs) {
    if (!net.aircraft.has(f.leg.aircraft)) out.push({ rule: 1, message: `${at(f)}: unknown aircraft` });
    for (const n of [f.leg.from, f.leg.to]) if (!net.nodes.has(n)) out.push({ rule: 1, message: `${at(f)}: unknown node ${n}` });
    for (const id of [...f.leg.board, ...f.leg.alight]) if (!net.detainees.has(id)) out.push({ rule: 1, message: `${at(f)}: unknown detainee ${id}` });
  }
}

function groundNeed(type: TAircraftType, prev: FlownLeg, next: FlownLeg): number {
  const unload = prev.leg.alight.length > 0 ? type.unloadMinutes : 0;
  const load = next.leg.board.length > 0 ? type.loadMinutes : 0;
  const refuel = next.leg.refuelBefore ? type.refuelMinutes : 0;
  return (unload + load + refuel) / 60;
}

/** Rules 2–6 and 17 for one aircraft. */
export function checkAircraft(net: Network, craft: TAircraft, legs: readonly FlownLeg[], out: TViolation[]): void {
  const type = net.types.get(craft.type);
  if (!type) return;
  const from = net.hours(craft.availableFrom);
  const until = net.hours(craft.availableUntil);
  let fuelUsed = 0;
  const duty = new Map<number, number>();
  legs.forEach((f, i) => {
    const prev = legs[i - 1];
    const where = prev ? prev.leg.to : craft.base;
    if (f.leg.from !== where) out.push({ rule: 2, message: `${at(f)}: departs ${f.leg.from} but the aircraft is at ${where}` });
    if (f.depart < from - TOLERANCE_H || f.arrive > until + TOLERANCE_H) out.push({ rule: 2, message: `${at(f)}: outside the availability window` });
    const km = net.km(f.leg.from, f.leg.to);
    if (f.arrive - f.depart < km / type.speedKmh - TOLERANCE_H) out.push({ rule: 3, message: `${at(f)}: ${km.toFixed(1)} km need ${(km / type.speedKmh).toFixed(3)} h` });
    if (prev && f.depart - prev.arrive < groundNeed(type, prev, f) - TOLERANCE_H) out.push({ rule: 4, message: `${at(f)}: too little ground time at ${f.leg.from}` });
    for (const n of [f.leg.from, f.leg.to]) {
      const kind = net.nodes.get(n)?.kind;
      if (kind && !type.canLandAt.includes(kind)) out.push({ rule: 5, message: `${at(f)}: ${type.id} cannot land at ${kind} ${n}` });
    }
    if (f.leg.refuelBefore) {
      if (net.nodes.get(f.leg.from)?.refuel !== true && f.leg.from !== craft.base) out.push({ rule: 6, message: `${at(f)}: no refuelling at ${f.leg.from}` });
      fuelUsed = 0;
    }
    fuelUsed += km;
    if (fuelUsed > type.rangeKm + KM_EPS) out.push({ rule: 6, message: `${at(f)}: ${fuelUsed.toFixed(1)} km since the last fill exceed the range ${type.rangeKm} km` });
    const day = utcDay(net, f.depart);
    duty.set(day, (duty.get(day) ?? 0) + f.arrive - f.depart);
  });
  for (const [day, h] of duty) {
    if (h > craft.maxFlightHoursPerDay + TOLERANCE_H) out.push({ rule: 17, message: `${craft.id}: ${h.toFixed(2)} flight hours on ${new Date(day * 86_400_000).toISOString().slice(0, 10)} exceed ${craft.maxFlightHoursPerDay}` });
  }
}

/** The most intervals `[start, end)` open at once. */
export function maxOverlap(intervals: readonly (readonly [number, number])[]): { count: number; at: number } {
  const events: [number, number][] = [];
  for (const [s, e] of intervals) if (e > s) events.push([s, 1], [e, -1]);
  // Ends before starts at the same instant: the intervals are half-open.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let best = { count: 0, at: 0 };
  for (const [t, delta] of events) {
    open += delta;
    if (open > best.count) best = { count: open, at: t };
  }
  return best;
}

/** Rule 7: aircraft on the ground at an origin at once never exceed its landing slots. */
export function checkLandingSlots(net: Network, flights: Flights, out: TViolation[]): void {
  const byNode = new Map<string, [number, number][]>();
  for (const legs of flights.byAircraft.values()) {
    legs.forEach((f, i) => {
      if (net.nodes.get(f.leg.to)?.kind !== 'origin') return;
      const next = legs[i + 1];
      const list = byNode.get(f.leg.to) ?? [];
      // The tolerance shortens each stay at its start, so that writers' rounding never counts as an overlap.
      list.push([f.arrive + TOLERANCE_H, next ? next.depart : Infinity]);
      byNode.set(f.leg.to, list);
    });
  }
  for (const [node, intervals] of byNode) {
    const slots = net.nodes.get(node)?.landingSlots ?? 1;
    const peak = maxOverlap(intervals);
    if (peak.count > slots) out.push({ rule: 7, message: `${node}: ${peak.count} aircraft on the ground at ${net.iso(peak.at)}, landing slots ${slots}` });
  }
}
