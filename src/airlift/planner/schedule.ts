import type { TAirliftDetainee } from '../airlift.schemas.js';
import type { Network } from '../network.js';
import { Craft } from './craft.js';
import { ArrivalLedger, IntervalLedger } from './ledgers.js';
import { SiteQueue } from './manifest.js';
import { dropsFor, tryPickup, type PickupDeps } from './pickups.js';
import { Shuttles } from './shuttles.js';

/**
 * The list scheduler: aircraft that can land at origins take turns in order of the time they are free; each
 * picks the site whose next load is worth most per aircraft-hour, weighing each detainee by its tier and the
 * site's breach density λ(t)·exp(−Λ(t)) at the time it would leave.
 */

/** What the scheduler produced: every aircraft with its legs, and who was left behind. */
export interface Schedule {
  crafts: Craft[];
  left: TAirliftDetainee[];
}

/** Progress while scheduling: detainees moved so far out of the total. */
export type Progress = (moved: number, total: number) => void;

function buildDeps(net: Network, crafts: Craft[]): PickupDeps {
  const counters = new Map<string, number>();
  const sortieOf = (c: Craft) => {
    const n = (counters.get(c.spec.id) ?? 0) + 1;
    counters.set(c.spec.id, n);
    return `${c.spec.id}/${n}`;
  };
  const byNode = (kind: string) => net.instance.nodes.filter((n) => n.kind === kind);
  const holding = new Map(byNode('staging').map((n) => [n.id, new IntervalLedger()]));
  const arrivals = new Map(byNode('destination').map((n) => {
    const quota = Math.min(...net.instance.quotas.filter((q) => q.destination === n.id).map((q) => q.perDay), Infinity);
    return [n.id, new ArrivalLedger(n.intakePerHour ?? 0, quota)];
  }));
  const isShuttle = (c: Craft) => !c.type.canLandAt.includes('origin') && c.type.canLandAt.includes('staging') && c.type.canLandAt.includes('destination');
  const shuttles = new Shuttles({ net, crafts: crafts.filter(isShuttle), holding, arrivals, sortieOf });
  const bySite = new Map<string, TAirliftDetainee[]>();
  for (const d of net.instance.detainees) bySite.set(d.site, [...(bySite.get(d.site) ?? []), d]);
  const queues = new Map([...bySite].map(([site, list]) => [site, new SiteQueue(site, list, (d) => net.weight(d.tier))]));
  const slots = new Map(byNode('origin').map((n) => [n.id, new IntervalLedger()]));
  return { net, queues, slots, arrivals, shuttles, sortieOf };
}

/** Sites in order of the value of the next load `craft` could carry from them, per hour of its time. */
function rankSites(deps: PickupDeps, craft: Craft): string[] {
  const { net } = deps;
  const speed = craft.type.speedKmh;
  const perLoad = Math.max(1, Math.floor(craft.type.seats / 1.3));
  const scored: [string, number][] = [];
  for (const [site, q] of deps.queues) {
    if (q.remaining === 0) continue;
    const drop = dropsFor(deps, craft, site)[0];
    if (drop === undefined) continue;
    const reach = net.km(craft.node, site) / speed;
    const leave = craft.free + reach + craft.type.loadMinutes / 60;
    const hours = reach + craft.type.loadMinutes / 60 + net.km(site, drop) / speed + craft.type.unloadMinutes / 60;
    const density = net.hazardAt(site, leave) * Math.exp(-net.hazardIntegral(site, leave));
    scored.push([site, (q.topWeight(perLoad) * (density + 1e-6)) / Math.max(hours, 1e-3)]);
  }
  return scored.sort((a, b) => b[1] - a[1]).map(([s]) => s);
}

/** The baseline for benchmarks: the nearest site with anyone left, ignoring hazard and tier. */
function nearestSites(deps: PickupDeps, craft: Craft): string[] {
  const open = [...deps.queues].filter(([, q]) => q.remaining > 0).map(([s]) => s);
  return open.sort((a, b) => deps.net.km(craft.node, a) - deps.net.km(craft.node, b));
}

/** How to schedule: progress reports, and the simple greedy baseline instead of the ranked choice. */
export interface ScheduleOptions {
  progress?: Progress;
  greedy?: boolean;
}

/** Schedules every pickup and onward run. Aircraft that find nothing to do wait half an hour and look again. */
export function schedule(net: Network, opts: ScheduleOptions = {}): Schedule {
  const { progress } = opts;
  const rank = opts.greedy ? nearestSites : rankSites;
  const crafts = net.instance.aircraft.map((a) => new Craft(net, a, net.types.get(a.type)!));
  const deps = buildDeps(net, crafts);
  const total = net.instance.detainees.length;
  let left = total;
  const pickers = crafts.filter((c) => c.type.canLandAt.includes('origin'));
  const active = new Set(pickers);
  let steps = 0;
  let stalled = 0;
  while (left > 0 && active.size > 0 && stalled < active.size * 96) {
    let craft: Craft | undefined;
    for (const c of active) if (!craft || c.free < craft.free) craft = c;
    if (!craft) break;
    if (craft.free >= craft.until) {
      active.delete(craft);
      continue;
    }
    const moved = rank(deps, craft).some((site) => tryPickup(deps, craft, site));
    stalled = moved ? 0 : stalled + 1;
    if (!moved) craft.free += 0.5;
    left = [...deps.queues.values()].reduce((s, q) => s + q.remaining, 0);
    if (progress && ++steps % 50 === 0) progress(total - left, total);
  }
  deps.shuttles.finish(net.instance.rules);
  progress?.(total - left, total);
  return { crafts, left: [...deps.queues.values()].flatMap((q) => q.left()) };
}
