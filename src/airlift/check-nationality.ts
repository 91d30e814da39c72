import { z } from 'zod';
import type { TViolation } from './airlift.schemas.js';
import { nationalityCaps, nationalityOf, nationalityQuotasOf, ZNationalityQuota } from './nationality.js';
import { utcDay, type Network } from './network.js';
import type { Flights } from './trips.js';

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Extension rule `x-1`: detainees of one nationality (`x-nationality`) arriving at a destination on one UTC
 * calendar day ≤ each per-nationality quota (`x-nationalityQuotas`) for that destination and nationality.
 * Applies only when the instance has `x-nationalityQuotas`; a malformed list is itself a violation.
 */
export function checkNationalityQuotas(net: Network, flights: Flights, out: TViolation[]): void {
  const raw = net.instance['x-nationalityQuotas'];
  if (raw === undefined) return;
  const parsed = z.array(ZNationalityQuota).safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) out.push({ rule: 'x-1', message: `format: x-nationalityQuotas.${i.path.join('.')}: ${i.message}` });
    return;
  }
  const caps = nationalityCaps(nationalityQuotasOf(net.instance));
  if (caps.size === 0) return;
  // Arrivals per destination, UTC day and nationality.
  const counts = new Map<string, number>();
  for (const d of net.instance.detainees) {
    const nat = nationalityOf(d);
    if (nat === undefined) continue;
    for (const t of flights.trips.get(d.id) ?? []) {
      if (!caps.get(t.to)?.has(nat) || net.nodes.get(t.to)?.kind !== 'destination') continue;
      const key = `${t.to}\n${nat}\n${utcDay(net, t.arrive)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of counts) {
    const [dest, nat, day] = key.split('\n') as [string, string, string];
    for (const q of parsed.data.filter((x) => x.destination === dest && x.nationality === nat && count > x.perDay)) {
      const by = q.agreement !== undefined ? ` (agreement ${q.agreement})` : '';
      out.push({ rule: 'x-1', message: `${dest}: ${count} arrivals of nationality ${nat} on ${isoDay(Number(day))}, quota ${q.perDay}${by}` });
    }
  }
}
