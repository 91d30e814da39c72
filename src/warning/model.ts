import { greatCircleKm, type LatLon } from '../kernel/index.js';
import type { TAreaControl, TRiskFactor } from './warning.schemas.js';

/**
 * The breach-risk model: proportional hazards with a constant baseline. A facility's hazard of being breached
 * is λ = λ₀ · exp(Σ βᵢ xᵢ) per hour, taken as constant over the forecast horizon, so the probability of a breach
 * within h hours is 1 − exp(−λ h). Every weight is stated here and in docs/warning.md; each factor's term βᵢxᵢ
 * is reported, so a reader sees what drives a figure. Pure: no store, no clock.
 */

export const MODEL_VERSION = 'sallyport-ph/1';
/** Baseline hazard per hour: a calm, fully guarded, supplied site has P(breach within 7 days) ≈ 1 %. */
export const BASELINE_PER_HOUR = -Math.log(1 - 0.01) / 168;
/** Thresholds on P(breach within 7 days) that raise alerts. */
export const THRESHOLDS = { warning: 0.25, critical: 0.5 } as const;

/** Weights (β) of each covariate. */
export const WEIGHTS = {
  conflict: 0.7,
  guardShortfall: 1.0,
  overcrowding: 0.8,
  resupply: 0.4,
  riots: 0.3,
  escapes: 0.35,
  desertions: 0.4,
  areaControl: 0.8,
} as const;

/** Conflict intensity: distance decay, age half-life, and the cut-offs beyond which an event is ignored. */
export const CONFLICT = { decayKm: 30, maxKm: 150, halfLifeDays: 10, maxAgeDays: 60 } as const;
/** Detainees one guard can hold under the norm the guard shortfall is measured against. */
export const DETAINEES_PER_GUARD = 8;
/** Incidents (riots, escape attempts, desertions) count over this many days before the forecast. */
export const INCIDENT_WINDOW_DAYS = 14;
/** A resupply figure older than this many days stops growing: after that, the site is simply unreported. */
export const RESUPPLY_STALE_DAYS = 14;
/** Days without resupply that count fully (beyond, the covariate stays at its cap). */
export const RESUPPLY_CAP_DAYS = 60;
const CONTROL_X: Record<TAreaControl, number> = { 'holding-force': 0, contested: 1, hostile: 2 };

/** Severity of an event by ACLED type, overridden for the sub-types that change who holds the ground. */
const TYPE_WEIGHT: Record<string, number> = {
  Battles: 1, 'Explosions/Remote violence': 0.8, 'Violence against civilians': 0.6, Riots: 0.5, Protests: 0.1, 'Strategic developments': 0.3,
};
const SUB_WEIGHT: Record<string, number> = {
  'Non-state actor overtakes territory': 2, 'Government regains territory': 0.5, 'Suicide bomb': 1.5, 'Looting/property destruction': 0.6,
  'Non-violent transfer of territory': 1, 'Peaceful protest': 0.05,
};

const DAY_MS = 86_400_000;

/** The parts of an event the model reads. */
export interface ModelEvent {
  date: string;
  eventType: string;
  subEventType: string;
  fatalities: number;
  lat: number;
  lon: number;
}

/** The severity of one event before decay: its type weight times (1 + ln(1 + fatalities)). */
export function eventSeverity(e: Pick<ModelEvent, 'eventType' | 'subEventType' | 'fatalities'>): number {
  const w = SUB_WEIGHT[e.subEventType] ?? TYPE_WEIGHT[e.eventType] ?? 0.3;
  return w * (1 + Math.log1p(Math.max(0, e.fatalities)));
}

/** Weight of an event at `km` from the site: exp(−km / 30), none beyond 150 km. */
export function distanceWeight(km: number): number {
  return km > CONFLICT.maxKm ? 0 : Math.exp(-km / CONFLICT.decayKm);
}

/** Weight of an event `days` old: halves every 10 days; none in the future or older than 60 days. */
export function ageWeight(days: number): number {
  return days < 0 || days > CONFLICT.maxAgeDays ? 0 : 0.5 ** (days / CONFLICT.halfLifeDays);
}

/** An event as it bears on one site: severity × distance weight, and when it happened (ms). */
export interface SiteEvent {
  at: number;
  weight: number;
}

/** The events near `site` with their severity × distance weight (precomputed once per site for histories). */
export function siteEvents(site: LatLon, events: readonly ModelEvent[]): SiteEvent[] {
  const out: SiteEvent[] = [];
  for (const e of events) {
    const w = distanceWeight(greatCircleKm(site, { lat: e.lat, lon: e.lon }));
    if (w > 0) out.push({ at: Date.parse(`${e.date}T00:00:00Z`), weight: w * eventSeverity(e) });
  }
  return out;
}

/** Conflict intensity at a time: Σ severity × distance weight × age weight. */
export function conflictIntensity(events: readonly SiteEvent[], atMs: number): number {
  let sum = 0;
  for (const e of events) sum += e.weight * ageWeight((atMs - e.at) / DAY_MS);
  return sum;
}

/** One indicator observation, as the model reads it. */
export interface Observation {
  at: number;
  guardStrength: number | null;
  population: number | null;
  capacity: number | null;
  daysSinceResupply: number | null;
  riots: number | null;
  escapeAttempts: number | null;
  guardDesertions: number | null;
  areaControl: TAreaControl | null;
}

/** A facility's state as of a time, from its observations and, where none says, its registry record. */
export interface SiteState {
  conflict: number;
  guardStrength: number | null;
  population: number | null;
  capacity: number | null;
  daysSinceResupply: number | null;
  riots: number;
  escapeAttempts: number;
  guardDesertions: number;
  areaControl: TAreaControl | null;
}

/**
 * The state at `atMs` from observations (any order): the latest value of each level indicator, incidents summed
 * over the 14 days before, and days without resupply grown by the time since the report (up to 14 days).
 */
export function stateAt(observations: readonly Observation[], atMs: number, base: Partial<SiteState> = {}): Omit<SiteState, 'conflict'> {
  const past = observations.filter((o) => o.at <= atMs).sort((a, b) => a.at - b.at);
  const latest = <K extends keyof Observation>(k: K): { v: Observation[K]; at: number } | null => {
    for (let i = past.length - 1; i >= 0; i--) {
      const o = past[i]!;
      if (o[k] !== null) return { v: o[k], at: o.at };
    }
    return null;
  };
  const since = atMs - INCIDENT_WINDOW_DAYS * DAY_MS;
  const sum = (k: 'riots' | 'escapeAttempts' | 'guardDesertions') => past.reduce((s, o) => s + (o.at > since ? (o[k] ?? 0) : 0), 0);
  const resupply = latest('daysSinceResupply');
  const grown = resupply ? (resupply.v as number) + Math.min(RESUPPLY_STALE_DAYS, (atMs - resupply.at) / DAY_MS) : null;
  return {
    guardStrength: (latest('guardStrength')?.v as number | undefined) ?? base.guardStrength ?? null,
    population: (latest('population')?.v as number | undefined) ?? base.population ?? null,
    capacity: (latest('capacity')?.v as number | undefined) ?? base.capacity ?? null,
    daysSinceResupply: grown ?? base.daysSinceResupply ?? null,
    riots: sum('riots'),
    escapeAttempts: sum('escapeAttempts'),
    guardDesertions: sum('guardDesertions'),
    areaControl: (latest('areaControl')?.v as TAreaControl | undefined) ?? base.areaControl ?? null,
  };
}

/** The model's answer for one site. */
export interface Risk {
  hazardPerHour: number;
  p7: number;
  p30: number;
  factors: TRiskFactor[];
}

function factor(key: keyof typeof WEIGHTS, label: string, input: number | null, x: number): TRiskFactor {
  const weight = WEIGHTS[key];
  const contribution = weight * x;
  return { key, label, input, x, weight, contribution, hazardRatio: Math.exp(contribution) };
}

/** P(breach within `hours`) under a constant hazard. */
export function probabilityWithin(hazardPerHour: number, hours: number): number {
  return 1 - Math.exp(-hazardPerHour * hours);
}

/** The covariates of a state (each 0 when its input is unknown), with the factor each becomes. */
export function factorsOf(s: SiteState): TRiskFactor[] {
  const pop = s.population ?? 0;
  const shortfall = s.guardStrength === null || pop <= 0 ? 0 : Math.min(1, Math.max(0, 1 - (s.guardStrength * DETAINEES_PER_GUARD) / pop));
  const crowding = s.capacity === null || s.population === null ? 0 : Math.min(2, Math.max(0, s.population / s.capacity - 1));
  const resupply = s.daysSinceResupply === null ? 0 : Math.min(RESUPPLY_CAP_DAYS, s.daysSinceResupply) / 30;
  return [
    factor('conflict', 'Conflict intensity nearby', s.conflict, Math.log1p(s.conflict)),
    factor('guardShortfall', 'Guard shortfall', s.guardStrength, shortfall),
    factor('overcrowding', 'Population over capacity', s.population, crowding),
    factor('resupply', 'Days since resupply', s.daysSinceResupply, resupply),
    factor('riots', 'Riots (14 days)', s.riots, Math.log1p(s.riots)),
    factor('escapes', 'Escape attempts (14 days)', s.escapeAttempts, Math.log1p(s.escapeAttempts)),
    factor('desertions', 'Guard desertions (14 days)', s.guardDesertions, Math.log1p(s.guardDesertions)),
    factor('areaControl', 'Control of the surrounding area', s.areaControl === null ? null : CONTROL_X[s.areaControl], s.areaControl === null ? 0 : CONTROL_X[s.areaControl]),
  ];
}

/** The hazard, the 7- and 30-day breach probabilities and each factor's contribution. */
export function riskOf(s: SiteState): Risk {
  const factors = factorsOf(s);
  const hazardPerHour = BASELINE_PER_HOUR * Math.exp(factors.reduce((sum, f) => sum + f.contribution, 0));
  return { hazardPerHour, p7: probabilityWithin(hazardPerHour, 168), p30: probabilityWithin(hazardPerHour, 720), factors };
}

/** The alert level of a 7-day probability. */
export function levelOf(p7: number): 'low' | 'warning' | 'critical' {
  return p7 >= THRESHOLDS.critical ? 'critical' : p7 >= THRESHOLDS.warning ? 'warning' : 'low';
}
