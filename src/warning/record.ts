import { DomainError, greatCircleKm, invalid, newId, notFound } from '../kernel/index.js';
import { requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction } from '../store/index.js';
import { evaluateAlerts } from './alerts.js';
import { bannerText } from './assess.js';
import { boxAround, countEvents, insertEvents, selectEvents, type EventRow } from './event.store.js';
import { insertIndicators, selectIndicators } from './indicator.store.js';
import { authorMarking } from './marking.js';
import { presentEvent, presentIndicator } from './present.js';
import { insertBreaches, selectBreaches, selectFacilityKind, selectSite } from './site.store.js';
import { WarningErrors } from './warning.errors.js';
import {
  ACLED_EVENT_TYPES, ZBreachInput, ZConflictEventInput, ZEventListQuery, ZIndicatorInput,
  type TBreachInput, type TConflictEvent, type TConflictEventInput, type TEventListQuery, type TEventPage, type TIndicator, type TIndicatorInput,
} from './warning.schemas.js';

/** Events entered by hand, indicator observations and breaches; and the scoped lists of each. */

function instantOf(iso: string | undefined, now: string): string {
  return iso === undefined ? now : new Date(iso).toISOString();
}

/**
 * Records one conflict event by hand; alerts due now are raised with it. Requires `warning:write`. Audited.
 * @throws DomainError INVALID_INPUT (sub-type not of the type, a future date), WARNING_MARKING_ABOVE_CALLER.
 */
export async function recordEvent(ctx: Ctx, raw: TConflictEventInput): Promise<TConflictEvent> {
  requirePermission(ctx.principal, 'warning:write');
  const input = ZConflictEventInput.parse(raw);
  const subs: readonly string[] = ACLED_EVENT_TYPES[input.eventType];
  if (!subs.includes(input.subEventType)) {
    throw invalid('subEventType', `not a sub-event type of ${input.eventType} (one of ${subs.join(', ')})`);
  }
  const now = ctx.clock.now().toISOString();
  if (input.eventDate > now.slice(0, 10)) throw invalid('eventDate', 'in the future');
  return inTransaction(ctx.db, async (trx) => {
    const markingId = await authorMarking(ctx, trx, input.marking);
    const id = newId(ctx.clock.now().getTime());
    await insertEvents(trx, [{
      id, source_id: input.sourceId ?? null, event_date: input.eventDate, event_type: input.eventType, sub_event_type: input.subEventType,
      actor1: input.actor1, actor2: input.actor2 ?? null, country: input.country, admin1: input.admin1 ?? null, admin2: input.admin2 ?? null,
      admin3: input.admin3 ?? null, location: input.location.normalize('NFC'), lat: input.latitude, lon: input.longitude, fatalities: input.fatalities,
      notes: input.notes ?? null, origin: 'manual', import_id: null, marking_id: markingId, recorded_by: ctx.principal.username, recorded_at: now,
    }]);
    await evaluateAlerts(ctx, trx, [ctx.clock.now().getTime()]);
    await ctx.audit.record(trx, { action: 'warning.event.record', subjectType: 'conflict-event', subjectId: id });
    const scope = await scopeFor(trx, ctx.principal); // after the marking was interned
    const [row] = (await selectEvents(trx, scope, { from: input.eventDate, to: input.eventDate })).filter((e) => e.id === id);
    return presentEvent(row!);
  });
}

/**
 * Conflict events the caller may see, newest first: within dates, near a facility (within `radiusKm`).
 * Requires `warning:read`. Audited. @throws DomainError NOT_FOUND (an unseen facility).
 */
export async function listEvents(ctx: Ctx, raw: TEventListQuery = {}): Promise<TEventPage> {
  requirePermission(ctx.principal, 'warning:read');
  const q = ZEventListQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  let rows: EventRow[];
  let total: number;
  let markings: string[];
  if (q.near) {
    const site = await selectSite(ctx.db, scope, q.near);
    if (!site) throw notFound('facility', q.near);
    rows = (await selectEvents(ctx.db, scope, { from: q.from, to: q.to, box: boxAround([site], q.radiusKm) })).filter((e) => greatCircleKm(site, { lat: e.lat, lon: e.lon }) <= q.radiusKm);
    total = rows.length;
    markings = rows.map((e) => e.marking_text);
    rows = rows.slice(0, q.limit);
  } else {
    rows = await selectEvents(ctx.db, scope, { from: q.from, to: q.to, limit: q.limit });
    ({ total, markings } = await countEvents(ctx.db, scope, { from: q.from, to: q.to }));
  }
  const items = rows.map(presentEvent);
  await ctx.audit.record(ctx.db, { action: 'warning.event.list', subjectType: 'conflict-event', details: { ids: items.map((e) => e.id) } });
  return { items, total, marking: bannerText(markings) };
}

/**
 * Records one observation of a facility's indicators; alerts due now are raised with it. Requires
 * `warning:write`. Audited.
 * @throws DomainError NOT_FOUND (facility absent or unseen), WARNING_NOT_A_SITE, WARNING_MARKING_ABOVE_CALLER.
 */
export async function recordIndicator(ctx: Ctx, raw: TIndicatorInput): Promise<TIndicator> {
  requirePermission(ctx.principal, 'warning:write');
  const input = ZIndicatorInput.parse(raw);
  const now = ctx.clock.now().toISOString();
  const observedAt = instantOf(input.observedAt, now);
  if (observedAt > now) throw invalid('observedAt', 'in the future');
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const site = await selectSite(trx, scope, input.facility);
    if (!site) throw await notASite(trx, scope, input.facility);
    const markingId = await authorMarking(ctx, trx, input.marking);
    const id = newId(ctx.clock.now().getTime());
    await insertIndicators(trx, [{
      id, facility_id: site.id, observed_at: observedAt, guard_strength: input.guardStrength ?? null, population: input.population ?? null,
      capacity: input.capacity ?? null, days_since_resupply: input.daysSinceResupply ?? null, riots: input.riots ?? null,
      escape_attempts: input.escapeAttempts ?? null, guard_desertions: input.guardDesertions ?? null, area_control: input.areaControl ?? null,
      note: input.note ?? null, origin: 'manual', marking_id: markingId, recorded_by: ctx.principal.username, recorded_at: now,
    }]);
    await evaluateAlerts(ctx, trx, [ctx.clock.now().getTime()]);
    await ctx.audit.record(trx, { action: 'warning.indicator.record', subjectType: 'facility', subjectId: site.id, details: { indicator: id } });
    // The scope again: the marking may have been interned just now.
    const [row] = (await selectIndicators(trx, await scopeFor(trx, ctx.principal), [site.id])).filter((r) => r.id === id);
    return presentIndicator(row!, site.code);
  });
}

async function notASite(db: Parameters<typeof selectSite>[0], scope: Parameters<typeof selectSite>[1], code: string): Promise<DomainError> {
  const other = await selectFacilityKind(db, scope, code);
  if (!other) return notFound('facility', code);
  return new DomainError('invalid', WarningErrors.WARNING_NOT_A_SITE, `facility: ${code} is a ${other.kind}, not a prison or camp`, { field: 'facility', reason: 'not a prison or camp' });
}

/** A facility's indicator observations the caller may see, oldest first. Requires `warning:read`. @throws NOT_FOUND. */
export async function listIndicators(ctx: Ctx, code: string): Promise<{ items: TIndicator[]; marking: string }> {
  requirePermission(ctx.principal, 'warning:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const site = await selectSite(ctx.db, scope, code);
  if (!site) throw notFound('facility', code);
  const items = (await selectIndicators(ctx.db, scope, [site.id])).map((r) => presentIndicator(r, site.code));
  await ctx.audit.record(ctx.db, { action: 'warning.indicator.list', subjectType: 'facility', subjectId: site.id });
  return { items, marking: bannerText([site.marking_text, ...items.map((i) => i.marking)]) };
}

/**
 * Records that a facility fell. Requires `warning:write`. Audited.
 * @throws DomainError NOT_FOUND, WARNING_NOT_A_SITE, WARNING_ALREADY_BREACHED, WARNING_MARKING_ABOVE_CALLER.
 */
export async function recordBreach(ctx: Ctx, raw: TBreachInput): Promise<{ facility: string; at: string }> {
  requirePermission(ctx.principal, 'warning:write');
  const input = ZBreachInput.parse(raw);
  const now = ctx.clock.now().toISOString();
  const at = instantOf(input.at, now);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const site = await selectSite(trx, scope, input.facility);
    if (!site) throw await notASite(trx, scope, input.facility);
    if ((await selectBreaches(trx, scope)).some((b) => b.facility_id === site.id)) {
      throw new DomainError('conflict', WarningErrors.WARNING_ALREADY_BREACHED, `facility: ${site.code} has fallen already`, { field: 'facility', reason: 'already breached' });
    }
    const markingId = await authorMarking(ctx, trx, input.marking);
    await insertBreaches(trx, [{ id: newId(), facility_id: site.id, at, note: input.note ?? null, origin: 'manual', marking_id: markingId, recorded_by: ctx.principal.username, recorded_at: now }]);
    await ctx.audit.record(trx, { action: 'warning.breach.record', subjectType: 'facility', subjectId: site.id, details: { at } });
    return { facility: site.code, at };
  });
}
