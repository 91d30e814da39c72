import { utcDay, dayStartHours, type Network } from './network.js';

/**
 * A lower bound on completion hours: the last site's earliest possible delivery (an aircraft reaching it from
 * its base as soon as it is available, then the fastest aircraft flying straight to the nearest destination),
 * the destination intake that spreads arrivals over hours, and the daily quotas.
 */
export function completionBound(net: Network): number {
  const { instance } = net;
  const n = instance.detainees.length;
  if (n === 0) return 0;
  const vmax = Math.max(...instance.aircraftTypes.map((t) => t.speedKmh));
  const dests = instance.nodes.filter((x) => x.kind === 'destination');
  const sites = [...new Set(instance.detainees.map((d) => d.site))];
  const reach = (site: string) => {
    let best = Infinity;
    for (const a of instance.aircraft) {
      const t = net.types.get(a.type);
      if (!t?.canLandAt.includes('origin')) continue;
      best = Math.min(best, net.hours(a.availableFrom) + net.km(a.base, site) / t.speedKmh + t.loadMinutes / 60);
    }
    return best + Math.min(...dests.map((d) => net.km(site, d.id))) / vmax;
  };
  const perSite = sites.map(reach).filter(Number.isFinite);
  if (perSite.length === 0) return 0;
  let bound = Math.max(0, ...perSite);
  const first = Math.max(0, Math.min(...perSite));
  const intake = dests.reduce((s, d) => s + (d.intakePerHour ?? 0), 0);
  if (intake > 0) bound = Math.max(bound, first + ((Math.ceil(n / intake) - 1) * 59) / 60);
  const perDay = dests.reduce((s, d) => {
    const q = instance.quotas.filter((x) => x.destination === d.id).map((x) => x.perDay);
    return s + (q.length > 0 ? Math.min(...q) : Infinity);
  }, 0);
  if (Number.isFinite(perDay) && perDay > 0) {
    const days = Math.ceil(n / perDay) - 1;
    bound = Math.max(bound, dayStartHours(net, utcDay(net, first) + days));
  }
  return Math.max(0, bound - 1 / 60);
}
