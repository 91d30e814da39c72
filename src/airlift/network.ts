import { greatCircleKm } from '../kernel/index.js';
import { closedNodeOf, ZDisruption, type TAircraft, type TAircraftType, type TAirliftDetainee, type TAirliftInstance, type TAirliftNode, type TDisruption, type TTier } from './airlift.schemas.js';

/**
 * An instance compiled for fast look-ups: nodes by id, distances, aircraft with their types, the hazard
 * integral of each origin. Times are numbers of hours since `instance.start`.
 */

const MS_PER_HOUR = 3_600_000;
/** A tolerance of 60 seconds on every time comparison (formats/airlift.md), in hours. */
export const TOLERANCE_H = 1 / 60;

/** Milliseconds since the epoch of an instance time (`…Z`). */
export function timeMs(iso: string): number {
  return Date.parse(iso);
}

/** A hazard schedule as pieces `[fromHours, perHour]`, in time order, starting at 0. */
type Pieces = readonly (readonly [number, number])[];

export interface Network {
  instance: TAirliftInstance;
  startMs: number;
  nodes: Map<string, TAirliftNode>;
  types: Map<string, TAircraftType>;
  aircraft: Map<string, TAircraft>;
  detainees: Map<string, TAirliftDetainee>;
  /** Great-circle kilometres between two node ids (cached). */
  km(a: string, b: string): number;
  /** Hours since start of an instance time. */
  hours(iso: string): number;
  /** The instance time `h` hours after start, ISO with seconds and a Z. */
  iso(h: number): string;
  /** Λ_s(h): the hazard of origin `site` integrated from start to `h` hours. */
  hazardIntegral(site: string, h: number): number;
  /** λ_s(h): the hazard of origin `site` at `h` hours. */
  hazardAt(site: string, h: number): number;
  weight(tier: TTier): number;
  /** Disruptions the instance records (`x-disruptions`), and the nodes they close to landings. */
  disruptions: TDisruption[];
  closed: ReadonlySet<string>;
}

/** The disruptions an instance records in `x-disruptions` (ignored when malformed). */
export function disruptionsOf(instance: TAirliftInstance): TDisruption[] {
  const parsed = ZDisruption.array().safeParse(instance['x-disruptions']);
  return parsed.success ? parsed.data : [];
}

function piecesOf(node: TAirliftNode, startMs: number): Pieces {
  const out: [number, number][] = [[0, node.hazardPerHour ?? 0]];
  for (const step of node.hazardSchedule ?? []) {
    const from = Math.max(0, (timeMs(step.from) - startMs) / MS_PER_HOUR);
    while (out.length > 0 && out[out.length - 1]![0] >= from) out.pop();
    out.push([from, step.perHour]);
  }
  if (out.length === 0 || out[0]![0] > 0) out.unshift([0, node.hazardPerHour ?? 0]);
  return out;
}

function integral(pieces: Pieces, h: number): number {
  let total = 0;
  for (let i = 0; i < pieces.length; i++) {
    const [from, rate] = pieces[i]!;
    if (h <= from) break;
    const to = Math.min(h, pieces[i + 1]?.[0] ?? Infinity);
    total += rate * (to - from);
  }
  return total;
}

function rateAt(pieces: Pieces, h: number): number {
  let rate = 0;
  for (const [from, r] of pieces) if (from <= h) rate = r;
  return rate;
}

/** Compiles an instance (already validated by `ZAirliftInstance`). */
export function compileNetwork(instance: TAirliftInstance): Network {
  const startMs = timeMs(instance.start);
  const nodes = new Map(instance.nodes.map((n) => [n.id, n]));
  const hazards = new Map(instance.nodes.filter((n) => n.kind === 'origin').map((n) => [n.id, piecesOf(n, startMs)]));
  const index = new Map(instance.nodes.map((n, i) => [n.id, i]));
  const size = instance.nodes.length;
  const cache = new Float64Array(size * size).fill(-1);
  const weights = instance.rules.lossWeight;
  const disruptions = disruptionsOf(instance);
  const closed = new Set(disruptions.map(closedNodeOf).filter((x): x is string => x !== null));
  return {
    disruptions,
    closed,
    instance,
    startMs,
    nodes,
    types: new Map(instance.aircraftTypes.map((t) => [t.id, t])),
    aircraft: new Map(instance.aircraft.map((a) => [a.id, a])),
    detainees: new Map(instance.detainees.map((d) => [d.id, d])),
    km(a, b) {
      const i = index.get(a);
      const j = index.get(b);
      if (i === undefined || j === undefined) return Infinity;
      let d = cache[i * size + j]!;
      if (d < 0) {
        d = greatCircleKm(nodes.get(a)!, nodes.get(b)!);
        cache[i * size + j] = d;
        cache[j * size + i] = d;
      }
      return d;
    },
    hours: (iso) => (timeMs(iso) - startMs) / MS_PER_HOUR,
    iso: (h) => new Date(startMs + Math.round(h * MS_PER_HOUR / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    hazardIntegral: (site, h) => integral(hazards.get(site) ?? [[0, 0]], Math.max(0, h)),
    hazardAt: (site, h) => rateAt(hazards.get(site) ?? [[0, 0]], Math.max(0, h)),
    weight: (tier) => weights?.[tier] ?? 1,
  };
}

/** The UTC calendar day (days since 1970-01-01) of an instant `h` hours after start. */
export function utcDay(net: Network, h: number): number {
  return Math.floor((net.startMs + h * MS_PER_HOUR) / 86_400_000);
}

/** Hours since start at which UTC day `day` begins. */
export function dayStartHours(net: Network, day: number): number {
  return (day * 86_400_000 - net.startMs) / MS_PER_HOUR;
}
