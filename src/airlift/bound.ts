import highsLoader from 'highs';
import type { TBound } from './airlift.schemas.js';
import { bucketEdges, detaineeClasses, pickupTypes, type DetaineeClass, type PickupType } from './bound-model.js';
import { completionBound } from './bound-completion.js';
import { dayStartHours, TOLERANCE_H, utcDay, type Network } from './network.js';

/**
 * The lower bound: a fluid (LP) relaxation solved by HiGHS. Detainees leave their site in time buckets, each
 * valued at the bucket's start; trips are fractional, charged their least possible aircraft time, flight time,
 * loading time at the site; seats count the escort share; high-risk detainees share the per-leg cap; and
 * departures never outrun what aircraft, staging and destination intake can absorb. See docs/airlift.md.
 */

// The package's types describe its CommonJS build (a `default` property); its ESM build exports the loader itself.
type Loader = typeof highsLoader.default;
const loadHighs = ((highsLoader as unknown as { default?: Loader }).default ?? highsLoader) as Loader;
let solver: ReturnType<Loader> | null = null;

class Lp {
  readonly rows: string[] = [];
  readonly obj: string[] = [];
  /** Variables declared integer (the integer model only). */
  readonly generals: string[] = [];
  row(terms: [number, string][], sense: '<=' | '=', rhs: number): void {
    const body = terms.filter(([c]) => c !== 0).map(([c, v]) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${v}`).join(' ');
    if (body) this.rows.push(` r${this.rows.length}: ${body} ${sense} ${rhs}`);
    else if (sense === '=' && rhs !== 0) this.rows.push(` r${this.rows.length}: 0 x_never ${sense} ${rhs}`);
  }
  /**
   * Running sums kept sparse: `s_b = s_{b−1} + Σ perBucket[b]` and `s_b ≤ caps[b]`, instead of one dense row
   * per prefix (which would grow with the square of the buckets).
   */
  cumulative(name: string, perBucket: [number, string][][], caps: number[]): void {
    perBucket.forEach((terms, b) => {
      const prev: [number, string][] = b > 0 ? [[-1, `${name}_${b - 1}`]] : [];
      this.row([[1, `${name}_${b}`], ...prev, ...terms.map(([c, v]): [number, string] => [-c, v])], '=', 0);
      this.row([[1, `${name}_${b}`]], '<=', caps[b]!);
    });
  }
  text(): string {
    const general = this.generals.length > 0 ? `General\n ${this.generals.join(' ')}\n` : '';
    return `Minimize\n obj: ${this.obj.join(' ') || '0 x_never'}\nSubject To\n${this.rows.join('\n')}\n${general}End\n`;
  }
}

interface Frame {
  net: Network;
  classes: DetaineeClass[];
  types: PickupType[];
  edges: number[];
  sites: string[];
}

/** The earliest anyone can leave `site`: an aircraft flown there from its base as soon as it is available, loaded (less the checker's tolerance). */
function earliestDeparture(f: Frame, site: string): number {
  let best = Infinity;
  for (const t of f.types) {
    for (const a of t.aircraft) best = Math.min(best, a.from + f.net.km(a.base, site) / t.type.speedKmh + t.type.loadMinutes / 60 - 2 * TOLERANCE_H);
  }
  return best;
}

function departures(lp: Lp, f: Frame): void {
  const { net, classes, edges } = f;
  classes.forEach((c, j) => {
    const terms: [number, string][] = [];
    const earliest = earliestDeparture(f, c.site);
    for (let b = 0; b < edges.length; b++) {
      const v = `x${j}_${b}`;
      terms.push([1, v]);
      // Valued at the bucket's start, or the earliest anyone can leave the site if later.
      const at = Number.isFinite(earliest) ? Math.max(edges[b]!, earliest) : edges[b]!;
      const cost = c.weight * (1 - Math.exp(-net.hazardIntegral(c.site, at)));
      lp.obj.push(`+ ${cost} ${v}`);
    }
    lp.row(terms, '=', c.count);
  });
}

function seatsAndRisk(lp: Lp, f: Frame): void {
  const { classes, types, edges, sites, net } = f;
  for (let b = 0; b < edges.length - 1; b++) {
    const high: [number, string][] = [];
    for (const s of sites) {
      const terms: [number, string][] = [];
      classes.forEach((c, j) => {
        if (c.site !== s) return;
        terms.push([c.seats, `x${j}_${b}`]);
        if (c.tier === 'HIGH') high.push([1, `x${j}_${b}`]);
      });
      types.forEach((t, ti) => {
        terms.push([-t.type.seats, `z${ti}_${sites.indexOf(s)}_${b}`]);
        high.push([-net.instance.rules.maxHighRiskPerLeg, `z${ti}_${sites.indexOf(s)}_${b}`]);
      });
      lp.row(terms, '<=', 0);
    }
    lp.row(high, '<=', 0);
  }
}

function aircraftTime(lp: Lp, f: Frame): void {
  const { types, edges, sites, net } = f;
  types.forEach((t, ti) => {
    const days = new Set(t.aircraft.map((a) => utcDay(net, Math.max(a.from, edges[0]!))));
    const firstDay = Math.min(...days);
    const lastDay = utcDay(net, edges[edges.length - 1]!);
    // Without refuelling, and with it (each trip's share of a stop; a few stops' worth allowed): both hold.
    for (const fuelled of [false, true]) {
      const per: [number, string][][] = [];
      const caps: number[] = [];
      for (let b = 0; b < edges.length - 1; b++) {
        per.push(sites.map((s, si): [number, string] => [fuelled ? t.trip.get(s)!.fuelled : t.trip.get(s)!.time, `z${ti}_${si}_${b}`]));
        const end = edges[b + 1]!;
        const free = t.type.unloadMinutes / 60 + (fuelled ? t.freeRefuel : 0);
        caps.push(t.aircraft.reduce((sum, a) => sum + Math.max(0, Math.min(end + t.outMax, a.until) - a.from + free), 0));
      }
      lp.cumulative(`${fuelled ? 'fuel' : 'time'}${ti}`, per, caps);
    }
    // Flight by the end of each day (no bucket straddles a midnight but at the horizon, which counts on the later day).
    const perDay: [number, string][][] = [];
    const limits: number[] = [];
    let b = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      const dayEnd = dayStartHours(net, day + 1);
      const terms: [number, string][] = [];
      for (; b < edges.length - 1 && edges[b + 1]! <= dayEnd; b++) sites.forEach((s, si) => terms.push([t.trip.get(s)!.flight, `z${ti}_${si}_${b}`]));
      perDay.push(terms);
      limits.push(t.aircraft.reduce((sum, a) => sum + dutyCredit(net, a, day, t), 0));
    }
    lp.cumulative(`duty${ti}`, perDay, limits);
  });
}

/**
 * The flight (as the LP charges it) of aircraft `a`'s trips that leave their site by the end of UTC day `day`:
 * per day, its crew's limit; on the day it becomes available, the hours it is available then plus one longest
 * possible leg (a leg departing before midnight counts on that day whole) — or, when that day is `day` itself,
 * plus its last trip's out-flight only (every other flight of those trips lies between `from` and the last
 * departure); on the day its availability ends, the hours it is available (every leg arrives by then); on
 * `day` itself, plus the last trip's flight out (its legs after a refuel stop or a second site may depart after
 * midnight).
 */
function dutyCredit(net: Network, a: PickupType['aircraft'][number], day: number, t: PickupType): number {
  const longestLeg = t.type.rangeKm / t.type.speedKmh;
  const firstDay = utcDay(net, a.from);
  let sum = 0;
  for (let d = firstDay; d <= day; d++) {
    const open = Math.min(a.until, dayStartHours(net, d + 1)) - Math.max(a.from, dayStartHours(net, d));
    if (open <= 0) continue;
    // The last day's trips may fly legs after midnight (a refuel stop or a second site on the way out).
    const overrun = d !== firstDay ? (d === day ? t.outMax : 0) : d === day ? t.outMax : longestLeg;
    sum += Math.min(a.duty, open + overrun);
  }
  return sum;
}

function slotsAndDownstream(lp: Lp, f: Frame): void {
  const { types, edges, sites, net, classes } = f;
  const t0 = edges[0]!;
  sites.forEach((s, si) => {
    const slots = net.nodes.get(s)?.landingSlots ?? 1;
    const based = types.reduce((sum, t) => sum + t.aircraft.filter((a) => a.base === s).length * t.type.loadMinutes / 60, 0);
    const per: [number, string][][] = [];
    const caps: number[] = [];
    for (let b = 0; b < edges.length - 1; b++) {
      per.push(types.map((t, ti): [number, string] => [t.type.loadMinutes / 60, `z${ti}_${si}_${b}`]));
      caps.push(slots * (edges[b + 1]! - t0) + based);
    }
    lp.cumulative(`slot${si}`, per, caps);
  });
  const aboard = net.instance.aircraft.reduce((sum, a) => sum + (net.types.get(a.type)?.seats ?? 0), 0);
  const holding = net.instance.nodes.reduce((sum, n) => sum + (n.kind === 'staging' ? (n.holdingCapacity ?? 0) : 0), 0);
  const intake = net.instance.nodes.reduce((sum, n) => sum + (n.kind === 'destination' ? (n.intakePerHour ?? 0) : 0), 0);
  const per: [number, string][][] = [];
  const caps: number[] = [];
  for (let b = 0; b < edges.length - 1; b++) {
    per.push(classes.map((_, j): [number, string] => [1, `x${j}_${b}`]));
    caps.push(aboard + holding + intake * (Math.floor(((edges[b + 1]! - t0) * 60) / 59) + 1));
  }
  lp.cumulative('out', per, caps);
}

/**
 * Loads come whole: an aircraft's first load cannot leave a site before it has flown there from its base and
 * loaded, and between two loads it must fly to a drop, unload, fly back to a site and load. So by time E it has
 * started at most `1 + ⌊(E − first) / cycle⌋` loads (0 before `first`), each of at most as many detainees as fit
 * its seats with the lightest escort (rounded up as guards are). Departures by E never exceed the sum.
 */
function wholeLoads(lp: Lp, f: Frame): void {
  const { net, classes, types, edges, sites } = f;
  const { rules } = net.instance;
  const lightest = Math.min(...classes.map((c) => rules.escortPerDetainee[c.tier]));
  const drops = net.instance.nodes.filter((n) => n.kind === 'staging' || n.kind === 'destination');
  const planes: { first: number; cycle: number; load: number }[] = [];
  for (const t of types) {
    const { type } = t;
    let load = 0;
    while (load + 1 + Math.max(0, Math.ceil((load + 1) * lightest - 1e-9)) <= type.seats) load++;
    const landsAt = drops.filter((n) => type.canLandAt.includes(n.kind)).map((n) => n.id);
    const h = (km: number) => km / type.speedKmh;
    // The nearest a drop is to a site: no flight between a drop and a site is shorter, either way.
    const near = Math.min(...sites.map((s) => Math.min(...landsAt.map((p) => net.km(p, s)))));
    const loadH = type.loadMinutes / 60;
    // A checker allows a minute on every time comparison: two per first load, four per cycle.
    const cycle = 2 * h(near) + type.unloadMinutes / 60 + loadH - 4 * TOLERANCE_H;
    for (const a of t.aircraft) {
      const first = a.from + h(Math.min(...sites.map((s) => net.km(a.base, s)))) + loadH - 2 * TOLERANCE_H;
      if (Number.isFinite(first)) planes.push({ first, cycle, load });
    }
  }
  if (planes.length === 0) return;
  const per: [number, string][][] = [];
  const caps: number[] = [];
  for (let b = 0; b < edges.length - 1; b++) {
    per.push(classes.map((_, j): [number, string] => [1, `x${j}_${b}`]));
    const end = edges[b + 1]!;
    // Departures in bucket b happen before its end; a load leaving exactly at `first` counts (tolerance).
    caps.push(planes.reduce((sum, p) => sum + (end < p.first - 1e-9 ? 0 : p.load * (1 + (p.cycle > 0 ? Math.floor((end - p.first) / p.cycle + 1e-9) : Infinity))), 0));
  }
  lp.cumulative('loads', per, caps);
}

/** The bucket edges from `t0` to the horizon, with every UTC midnight between them as an edge. */
function edgesOf(net: Network, t0: number, horizon: number): number[] {
  const cuts: number[] = [];
  for (let d = utcDay(net, t0) + 1; dayStartHours(net, d) < horizon; d++) cuts.push(dayStartHours(net, d));
  return bucketEdges(t0, horizon, 160, cuts);
}

/** The horizon the buckets cover: beyond it, everyone is valued at the horizon (still a lower bound). */
function horizonOf(net: Network, t0: number, hint?: number): number {
  if (hint !== undefined && hint > t0) return hint;
  const seats = net.instance.aircraft.reduce((s, a) => s + (net.types.get(a.type)?.canLandAt.includes('origin') ? (net.types.get(a.type)?.seats ?? 0) : 0), 0);
  return t0 + Math.min(24 * 60, 24 + (6 * net.instance.detainees.length) / Math.max(1, seats));
}

/**
 * Lower bounds on the expected loss and completion time of any plan of `net`'s instance.
 * `horizonHint` (hours) sets how far the time buckets reach (a plan's last departure is a good value).
 */
export async function computeBound(net: Network, horizonHint?: number): Promise<TBound> {
  const classes = detaineeClasses(net);
  const sites = [...new Set(classes.map((c) => c.site))];
  const t0 = Math.min(0, ...net.instance.aircraft.map((a) => net.hours(a.availableFrom)));
  const edges = edgesOf(net, t0, horizonOf(net, t0, horizonHint));
  const frame: Frame = { net, classes, types: pickupTypes(net, sites), edges, sites };
  const completion = completionBound(net);
  if (classes.length === 0) return { expectedLoss: 0, completionHours: 0, method: 'no detainees' };
  const lp = new Lp();
  departures(lp, frame);
  seatsAndRisk(lp, frame);
  aircraftTime(lp, frame);
  slotsAndDownstream(lp, frame);
  wholeLoads(lp, frame);
  solver ??= loadHighs();
  const result = (await solver).solve(lp.text());
  if (result.Status !== 'Optimal') throw new Error(`the bound's LP ended ${result.Status}`);
  // HiGHS's optimality tolerance (1e-7) is taken off so that rounding never lifts the bound above the optimum.
  const value = Math.max(0, result.ObjectiveValue * (1 - 1e-6) - 1e-7);
  return {
    expectedLoss: value,
    completionHours: completion,
    method: `fluid LP relaxation (HiGHS), ${edges.length - 1} buckets of ${((edges[1] ?? 0) - (edges[0] ?? 0)).toFixed(2)} h, ${classes.length} classes; completion from earliest reach and intake`,
  };
}

/** What HiGHS's integer model of an instance gave within its time limit. */
export interface IntegerModelResult {
  /** The objective of the best integer solution found (null when none). */
  value: number | null;
  status: string;
  seconds: number;
}

/**
 * The same relaxation with whole trips and whole detainees per bucket, solved by HiGHS's MIP solver within
 * `timeLimitS` seconds: for benchmarks (a side-by-side with the planner). Its proven optimum (status
 * Optimal) is a lower bound on every plan too — tighter than the LP's.
 */
export async function integerModel(net: Network, timeLimitS: number, horizonHint?: number): Promise<IntegerModelResult> {
  const classes = detaineeClasses(net);
  const sites = [...new Set(classes.map((c) => c.site))];
  const t0 = Math.min(0, ...net.instance.aircraft.map((a) => net.hours(a.availableFrom)));
  const edges = edgesOf(net, t0, horizonOf(net, t0, horizonHint));
  const frame: Frame = { net, classes, types: pickupTypes(net, sites), edges, sites };
  const lp = new Lp();
  departures(lp, frame);
  seatsAndRisk(lp, frame);
  aircraftTime(lp, frame);
  slotsAndDownstream(lp, frame);
  wholeLoads(lp, frame);
  classes.forEach((_, j) => edges.forEach((__, b) => lp.generals.push(`x${j}_${b}`)));
  frame.types.forEach((_, ti) => sites.forEach((__, si) => { for (let b = 0; b < edges.length - 1; b++) lp.generals.push(`z${ti}_${si}_${b}`); }));
  solver ??= loadHighs();
  const highs = await solver;
  const started = performance.now();
  const result = highs.solve(lp.text(), { time_limit: timeLimitS });
  const seconds = (performance.now() - started) / 1000;
  const has = result.Status === 'Optimal' || result.Status === 'Time limit reached';
  return { value: has && Number.isFinite(result.ObjectiveValue) ? result.ObjectiveValue : null, status: result.Status, seconds };
}
