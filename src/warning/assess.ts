import { bannerOf, formatMarking, parseMarking } from '../kernel/index.js';
import type { Scope } from '../access/index.js';
import type { Db } from '../store/index.js';
import { boxAround, selectModelEvents, type ModelEventRow } from './event.store.js';
import { selectIndicators, type IndicatorRow } from './indicator.store.js';
import { CONFLICT, ageWeight, distanceWeight, eventSeverity, riskOf, stateAt, type Observation, type Risk } from './model.js';
import { greatCircleKm } from '../kernel/index.js';
import { selectBreaches, selectSites, type SiteRow } from './site.store.js';
import type { TAreaControl } from './warning.schemas.js';

/**
 * The model's inputs read from the store — scoped to a caller (what they may see is all the model uses for them),
 * or unscoped for the system's alert evaluation — and the assessment of a site at a time, with the markings of
 * everything the figure was computed from (its banner).
 */

const DAY_MS = 86_400_000;

interface NearEvent {
  at: number;
  weight: number;
  marking: string;
}

interface SiteInputs {
  site: SiteRow;
  events: NearEvent[];
  observations: (Observation & { marking: string })[];
  breach: { at: string; marking: string } | null;
}

/** Everything the model needs for a set of sites over a time window. */
export interface Inputs {
  sites: SiteInputs[];
}

function observationOf(r: IndicatorRow): Observation & { marking: string } {
  return {
    at: Date.parse(r.observed_at), guardStrength: r.guard_strength, population: r.population, capacity: r.capacity,
    daysSinceResupply: r.days_since_resupply, riots: r.riots, escapeAttempts: r.escape_attempts, guardDesertions: r.guard_desertions,
    areaControl: r.area_control as TAreaControl | null, marking: r.marking_text,
  };
}

function nearEvents(site: SiteRow, events: readonly ModelEventRow[]): NearEvent[] {
  const out: NearEvent[] = [];
  for (const e of events) {
    const w = distanceWeight(greatCircleKm(site, { lat: e.lat, lon: e.lon }));
    if (w > 0) {
      out.push({ at: Date.parse(`${e.event_date}T00:00:00Z`), weight: w * eventSeverity({ eventType: e.event_type, subEventType: e.sub_event_type, fatalities: e.fatalities }), marking: e.marking_text });
    }
  }
  return out;
}

/**
 * Reads the inputs for every site in `scope` (`null`: all) for forecasts between `fromMs` and `toMs`.
 * `only` limits the sites to one code.
 */
export async function gatherInputs(db: Db, scope: Scope | null, window: { fromMs: number; toMs: number; only?: string }): Promise<Inputs> {
  let sites = await selectSites(db, scope);
  if (window.only !== undefined) sites = sites.filter((s) => s.code === window.only || s.id === window.only);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // Only events that can be within range of some site: a box around them all.
  const box = boxAround(sites, CONFLICT.maxKm);
  const events = sites.length === 0 ? [] : await selectModelEvents(db, scope, { from: day(window.fromMs - CONFLICT.maxAgeDays * DAY_MS), to: day(window.toMs), box });
  const indicators = await selectIndicators(db, scope, sites.map((s) => s.id), new Date(window.toMs).toISOString());
  const breaches = await selectBreaches(db, scope);
  return {
    sites: sites.map((site) => {
      const b = breaches.find((x) => x.facility_id === site.id);
      return {
        site,
        events: nearEvents(site, events),
        observations: indicators.filter((i) => i.facility_id === site.id).map(observationOf),
        breach: b ? { at: b.at, marking: b.marking_text } : null,
      };
    }),
  };
}

/** A site's risk at one time, with the inputs behind it. */
export interface Assessment extends Risk {
  site: SiteRow;
  atMs: number;
  breachedAt: string | null;
  events: number;
  observations: number;
  latestData: string | null;
  /** Marking texts of the site and every record the figure used. */
  markings: string[];
}

/** The risk of one site at `atMs`: from the events and observations up to then (its registry record fills gaps). */
export function assess(inputs: SiteInputs, atMs: number): Assessment {
  const { site } = inputs;
  // One pass over the events: histories call this for every day over tens of thousands of them.
  const markings = new Set<string>([site.marking_text]);
  let conflict = 0;
  let events = 0;
  let latest = -Infinity;
  for (const e of inputs.events) {
    const age = ageWeight((atMs - e.at) / DAY_MS);
    if (age <= 0) continue;
    conflict += e.weight * age;
    events++;
    markings.add(e.marking);
    if (e.at > latest) latest = e.at;
  }
  const observations = inputs.observations.filter((o) => o.at <= atMs);
  for (const o of observations) {
    markings.add(o.marking);
    if (o.at > latest) latest = o.at;
  }
  const state = { conflict, ...stateAt(observations, atMs, { guardStrength: site.guard_force, population: site.population, capacity: site.capacity }) };
  const breachedAt = inputs.breach && Date.parse(inputs.breach.at) <= atMs ? inputs.breach.at : null;
  if (breachedAt && inputs.breach) markings.add(inputs.breach.marking);
  return {
    ...riskOf(state), site, atMs, breachedAt, events, observations: observations.length,
    latestData: Number.isFinite(latest) ? new Date(latest).toISOString() : null, markings: [...markings],
  };
}

/** The banner text of a set of marking texts (`U` for none). */
export function bannerText(markings: Iterable<string>): string {
  return formatMarking(bannerOf([...new Set(markings)].map((m) => parseMarking(m))));
}
