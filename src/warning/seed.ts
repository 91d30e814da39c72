import { invalid, newId, parseMarking } from '../kernel/index.js';
import { internMarking, requirePermission, type Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { evaluateAlerts } from './alerts.js';
import { insertEvents } from './event.store.js';
import { insertIndicators } from './indicator.store.js';
import { insertBreaches, selectSites } from './site.store.js';
import type { TAreaControl } from './warning.schemas.js';

/** The scenario's warning history, loaded in bulk (the loader validated every record already). */

type Marked = { marking: string; originator: string };

export interface SeedEvent extends Marked {
  id: string; sourceId: string | null; eventDate: string; eventType: string; subEventType: string; actor1: string; actor2: string | null;
  country: string; admin1: string | null; admin2: string | null; admin3: string | null; location: string; latitude: number; longitude: number;
  fatalities: number; notes: string | null;
}

export interface SeedIndicator extends Marked {
  facility: string; observedAt: string; guardStrength: number | null; population: number | null; capacity: number | null;
  daysSinceResupply: number | null; riots: number | null; escapeAttempts: number | null; guardDesertions: number | null; areaControl: TAreaControl | null;
}

export interface SeedBreach extends Marked {
  facility: string;
  at: string;
  note: string | null;
}

export interface WarningSeed {
  events: SeedEvent[];
  indicators: SeedIndicator[];
  breaches: SeedBreach[];
}

const DAY_MS = 86_400_000;

/**
 * Stores the scenario's conflict events, indicator observations and breaches, then raises the alerts the
 * history would have raised, day by day, as if the system had been running. Requires `scenario:load`.
 * @returns the counts stored and the alerts raised.
 * @throws DomainError INVALID_INPUT when a record names a facility that is not a prison or camp.
 */
export async function seedWarning(ctx: Ctx, db: Db, seed: WarningSeed): Promise<{ events: number; indicators: number; breaches: number; alerts: number }> {
  requirePermission(ctx.principal, 'scenario:load');
  const now = ctx.clock.now().toISOString();
  const sites = new Map((await selectSites(db, null)).map((s) => [s.code, s.id]));
  const site = (code: string, field: string) => {
    const id = sites.get(code);
    if (!id) throw invalid(field, `${code} is not a prison or camp`);
    return id;
  };
  const markings = new Map<string, number>();
  const marking = async (m: Marked) => {
    const key = `${m.marking}\u0000${m.originator}`;
    let id = markings.get(key);
    if (id === undefined) markings.set(key, (id = await internMarking(db, parseMarking(m.marking), m.originator)));
    return id;
  };
  const who = { recorded_by: ctx.principal.username, recorded_at: now, origin: 'scenario' };
  const events = [];
  for (const e of seed.events) {
    events.push({
      id: e.id, source_id: e.sourceId, event_date: e.eventDate, event_type: e.eventType, sub_event_type: e.subEventType, actor1: e.actor1, actor2: e.actor2,
      country: e.country, admin1: e.admin1, admin2: e.admin2, admin3: e.admin3, location: e.location, lat: e.latitude, lon: e.longitude,
      fatalities: e.fatalities, notes: e.notes, import_id: null, marking_id: await marking(e), ...who,
    });
  }
  await insertEvents(db, events);
  const indicators = [];
  for (const i of seed.indicators) {
    indicators.push({
      id: newId(Date.parse(i.observedAt)), facility_id: site(i.facility, 'facility'), observed_at: i.observedAt, guard_strength: i.guardStrength,
      population: i.population, capacity: i.capacity, days_since_resupply: i.daysSinceResupply, riots: i.riots, escape_attempts: i.escapeAttempts,
      guard_desertions: i.guardDesertions, area_control: i.areaControl, note: null, marking_id: await marking(i), ...who,
    });
  }
  await insertIndicators(db, indicators);
  const breaches = [];
  for (const b of seed.breaches) breaches.push({ id: newId(Date.parse(b.at)), facility_id: site(b.facility, 'facility'), at: b.at, note: b.note, marking_id: await marking(b), ...who });
  await insertBreaches(db, breaches);
  const times = [...seed.events.map((e) => Date.parse(`${e.eventDate}T00:00:00Z`)), ...seed.indicators.map((i) => Date.parse(i.observedAt))];
  let alerts = 0;
  if (times.length > 0) {
    const first = times.reduce((a, b) => Math.min(a, b), Infinity) + 7 * DAY_MS;
    const last = times.reduce((a, b) => Math.max(a, b), -Infinity);
    const days: number[] = [];
    for (let t = Math.ceil(first / DAY_MS) * DAY_MS + 6 * 3_600_000; t <= last; t += DAY_MS) days.push(t);
    alerts = await evaluateAlerts(ctx, db, days);
  }
  await ctx.audit.record(db, { action: 'warning.seed', subjectType: 'scenario', details: { events: events.length, indicators: indicators.length, breaches: breaches.length, alerts } });
  return { events: events.length, indicators: indicators.length, breaches: breaches.length, alerts };
}
