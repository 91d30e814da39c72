import { z } from 'zod';
import type { TViolation } from './airlift.schemas.js';
import { WINDOW_RULES, ZArrivalWindows, ZManifestNotice, type TArrivalWindows, type TConditionRule } from './conditions.js';
import { TOLERANCE_H, type Network } from './network.js';
import type { Flights } from './trips.js';

/**
 * Extension rules x-2 … x-5, the conditions of signed agreements (docs/airlift.md, "Agreement conditions"):
 * x-2 daylight, x-3 observer present and x-5 medical screening (for legs alighting someone with medical needs)
 * put every arrival at a destination inside one of each entry's windows; x-4 has every ride towards a
 * destination depart at least `hours` after the instance's start. Each applies only when the instance has its
 * field; a malformed field is itself a violation of its rule. Times allow the format's 60-second tolerance.
 */
export function checkConditions(net: Network, flights: Flights, out: TViolation[]): void {
  for (const rule of WINDOW_RULES) {
    const entries = parsed(net, rule, ZArrivalWindows, out);
    if (entries) checkWindows(net, flights, { rule, entries }, out);
  }
  const notice = parsed(net, { rule: 'x-4', field: 'x-manifestNotice', kind: 'manifest-notice-hours' }, ZManifestNotice, out);
  if (notice) checkNotice(net, flights, notice, out);
}

function parsed<T extends z.ZodType>(net: Network, rule: TConditionRule, item: T, out: TViolation[]): z.infer<T>[] | null {
  const raw = net.instance[rule.field];
  if (raw === undefined) return null;
  const result = z.array(item).safeParse(raw);
  if (result.success) return result.data;
  for (const i of result.error.issues) out.push({ rule: rule.rule, message: `format: ${rule.field}.${i.path.join('.')}: ${i.message}` });
  return null;
}

const by = (agreement: string | undefined) => (agreement !== undefined ? ` (agreement ${agreement})` : '');

function checkWindows(net: Network, flights: Flights, what: { rule: TConditionRule; entries: TArrivalWindows[] }, out: TViolation[]): void {
  const { rule, entries } = what;
  const medicalOnly = rule.field === 'x-screeningWindows';
  const spans = entries.map((e) => ({ e, spans: e.windows.map((w) => [net.hours(w.from) - TOLERANCE_H, net.hours(w.until) + TOLERANCE_H] as const) }));
  for (const legs of flights.byAircraft.values()) {
    for (const f of legs) {
      const { leg } = f;
      if (leg.alight.length === 0 || net.nodes.get(leg.to)?.kind !== 'destination') continue;
      const people = medicalOnly ? leg.alight.filter((id) => net.detainees.get(id)?.medical === true) : leg.alight;
      if (people.length === 0) continue;
      for (const { e, spans: s } of spans) {
        if (e.destination !== leg.to || s.some(([a, b]) => a <= f.arrive && f.arrive <= b)) continue;
        const who = medicalOnly ? `${people.length} with medical needs (${people.slice(0, 3).join(', ')}${people.length > 3 ? ', …' : ''})` : `${people.length} detainees`;
        out.push({ rule: rule.rule, message: `${leg.to}: ${leg.aircraft} lands ${who} at ${leg.arrive}, outside the ${rule.kind} windows${by(e.agreement)}` });
      }
    }
  }
}

function checkNotice(net: Network, flights: Flights, entries: z.infer<typeof ZManifestNotice>[], out: TViolation[]): void {
  // Rides towards each destination, grouped by the leg they board (one violation per ride, not per detainee).
  const rides = new Map<string, { to: string; aircraft: string; depart: number; n: number }>();
  for (const trips of flights.trips.values()) {
    for (const t of trips) {
      const key = `${t.aircraft}\n${t.depart}\n${t.to}`;
      const r = rides.get(key);
      if (r) r.n++;
      else rides.set(key, { to: t.to, aircraft: t.aircraft, depart: t.depart, n: 1 });
    }
  }
  for (const r of rides.values()) {
    for (const e of entries) {
      if (e.destination !== r.to || r.depart >= e.hours - TOLERANCE_H) continue;
      out.push({ rule: 'x-4', message: `${r.to}: ${r.aircraft} departs with ${r.n} detainees for it at ${net.iso(r.depart)}, ${r.depart.toFixed(2)} h after the start, less than the ${e.hours} h manifest notice${by(e.agreement)}` });
    }
  }
}
