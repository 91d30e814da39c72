import type { TAirliftDetainee, TViolation } from './airlift.schemas.js';
import { maxOverlap } from './check-aircraft.js';
import { TOLERANCE_H, utcDay, type Network } from './network.js';
import type { FlownLeg, Flights } from './trips.js';

/** Rules 8–16 and 18 of formats/airlift.md: who is where, who sits with whom, and where everyone ends. */

const ESCORT_EPS = 1e-9;

/** The guards a set of detainees needs (rule 10). */
export function guardsNeeded(net: Network, aboard: readonly TAirliftDetainee[]): number {
  let sum = 0;
  for (const d of aboard) sum += net.instance.rules.escortPerDetainee[d.tier];
  return Math.max(0, Math.ceil(sum - ESCORT_EPS));
}

/** Rules 9–13 on one leg. */
export function checkLoad(net: Network, f: FlownLeg, out: TViolation[]): void {
  const type = net.types.get(net.aircraft.get(f.leg.aircraft)?.type ?? '');
  if (!type) return;
  const people = f.aboard.map((id) => net.detainees.get(id)).filter((d): d is TAirliftDetainee => d !== undefined);
  const where = `leg ${f.index} (${f.leg.aircraft} ${f.leg.from}→${f.leg.to} ${f.leg.depart})`;
  const { rules } = net.instance;
  const used = people.length + f.leg.guards + (f.leg.medic ? rules.medicSeats : 0);
  if (used > type.seats) out.push({ rule: 9, message: `${where}: ${used} seats used of ${type.seats}` });
  const need = guardsNeeded(net, people);
  if (f.leg.guards < need) out.push({ rule: 10, message: `${where}: ${f.leg.guards} guards, ${need} needed` });
  const high = people.filter((d) => d.tier === 'HIGH').length;
  if (high > rules.maxHighRiskPerLeg) out.push({ rule: 11, message: `${where}: ${high} high-risk detainees, at most ${rules.maxHighRiskPerLeg}` });
  const groups = new Map<string, string>();
  for (const d of people) {
    for (const g of d.keepApart) {
      const other = groups.get(g);
      if (other !== undefined) out.push({ rule: 12, message: `${where}: ${other} and ${d.id} share keep-apart group ${g}` });
      else groups.set(g, d.id);
    }
  }
  const medical = people.find((d) => d.medical);
  if (medical && !f.leg.medic) out.push({ rule: 13, message: `${where}: ${medical.id} needs a medic aboard` });
}

/** Rule 8 across aircraft and rule 18; returns each detainee's stays at staging nodes and arrivals at destinations. */
export function checkJourneys(net: Network, flights: Flights, out: TViolation[], undelivered: ReadonlySet<string>): Movements {
  const moves: Movements = { stays: new Map(), arrivals: new Map() };
  for (const d of net.instance.detainees) {
    const trips = flights.trips.get(d.id) ?? [];
    let where = d.site;
    let since = -Infinity;
    for (const t of trips) {
      if (t.from !== where) out.push({ rule: 8, message: `${d.id} boards at ${t.from} but is at ${where}` });
      if (t.depart < since - TOLERANCE_H) out.push({ rule: 8, message: `${d.id} boards ${t.aircraft} before it has arrived at ${t.from}` });
      const kind = net.nodes.get(t.to)?.kind;
      if (kind !== 'staging' && kind !== 'destination') out.push({ rule: 8, message: `${d.id} alights at ${kind ?? 'unknown'} node ${t.to}` });
      if (net.nodes.get(where)?.kind === 'staging') push(moves.stays, where, [since, t.depart]);
      if (kind === 'destination') push(moves.arrivals, t.to, [t.arrive, t.arrive]);
      where = t.to;
      since = t.arrive;
    }
    const endKind = net.nodes.get(where)?.kind;
    if (endKind === 'staging') push(moves.stays, where, [since, Infinity]);
    if (endKind !== 'destination' && !undelivered.has(d.id)) out.push({ rule: 18, message: `${d.id} ends at ${where}, not at a destination, and is not declared undelivered` });
  }
  return moves;
}

/** Stays at staging nodes and arrivals at destinations, per node, in hours since start. */
export interface Movements {
  stays: Map<string, [number, number][]>;
  arrivals: Map<string, [number, number][]>;
}

function push(map: Map<string, [number, number][]>, key: string, value: [number, number]): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Rules 14–16: staging holding and stay limits, destination intake and quotas. */
export function checkCapacities(net: Network, moves: Movements, out: TViolation[]): void {
  for (const [node, stays] of moves.stays) {
    const n = net.nodes.get(node);
    const peak = maxOverlap(stays.map(([s, e]) => [s + TOLERANCE_H, e]));
    if (peak.count > (n?.holdingCapacity ?? 0)) out.push({ rule: 14, message: `${node}: ${peak.count} detainees held at ${net.iso(peak.at)}, capacity ${n?.holdingCapacity ?? 0}` });
    const long = stays.filter(([s, e]) => e - s > (n?.maxHoldHours ?? 0) + TOLERANCE_H).length;
    if (long > 0) out.push({ rule: 14, message: `${node}: ${long} stays longer than ${n?.maxHoldHours ?? 0} h` });
  }
  for (const [node, list] of moves.arrivals) {
    const limit = net.nodes.get(node)?.intakePerHour ?? 0;
    const times = list.map(([t]) => t).sort((a, b) => a - b);
    let j = 0;
    for (let i = 0; i < times.length; i++) {
      // Arrivals in [t, t + 60 min): the tolerance shortens the window by a minute.
      while (j < times.length && times[j]! < times[i]! + 1 - TOLERANCE_H) j++;
      if (j - i > limit) {
        out.push({ rule: 15, message: `${node}: ${j - i} arrivals in the hour from ${net.iso(times[i]!)}, intake ${limit} per hour` });
        break;
      }
    }
    const perDay = new Map<number, number>();
    for (const t of times) perDay.set(utcDay(net, t), (perDay.get(utcDay(net, t)) ?? 0) + 1);
    for (const q of net.instance.quotas.filter((x) => x.destination === node)) {
      for (const [day, count] of perDay) {
        if (count > q.perDay) out.push({ rule: 16, message: `${node}: ${count} arrivals on ${new Date(day * 86_400_000).toISOString().slice(0, 10)}, quota ${q.perDay}` });
      }
    }
  }
}
