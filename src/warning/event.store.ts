import type { Scope } from '../access/index.js';
import type { ConflictEventsTable, Db } from '../store/index.js';

/** Conflict events: batched inserts and scoped reads by date. */

/** A latitude/longitude box: a cheap first cut before great-circle distances. */
export interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** The box around points that holds every point within `km` of one of them. */
export function boxAround(points: readonly { lat: number; lon: number }[], km: number): Box {
  const dLat = km / 110;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const minLat = Math.min(90, ...lats) - dLat;
  const maxLat = Math.max(-90, ...lats) + dLat;
  const dLon = dLat / Math.max(0.05, Math.cos((Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat))) * Math.PI) / 180));
  const minLon = Math.min(180, ...lons) - dLon;
  const maxLon = Math.max(-180, ...lons) + dLon;
  // A box over the antimeridian would wrap: take every longitude rather than miss an event.
  const wraps = minLon < -180 || maxLon > 180;
  return { minLat, maxLat, minLon: wraps ? -180 : minLon, maxLon: wraps ? 180 : maxLon };
}

export type EventRow = ConflictEventsTable & { marking_text: string };

export async function insertEvents(db: Db, rows: readonly ConflictEventsTable[]): Promise<void> {
  // 22 columns a row: 200 rows keep a statement under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('conflict_events').values(rows.slice(i, i + 200)).execute();
}

/** Events in scope (`null`: all) dated within [from, to] (`YYYY-MM-DD`), newest first. */
export async function selectEvents(db: Db, scope: Scope | null, range: { from?: string; to?: string; limit?: number; box?: Box }): Promise<EventRow[]> {
  let q = db.selectFrom('conflict_events as e').innerJoin('markings as m', 'm.id', 'e.marking_id').selectAll('e').select('m.text as marking_text');
  if (range.box) q = q.where('e.lat', '>=', range.box.minLat).where('e.lat', '<=', range.box.maxLat).where('e.lon', '>=', range.box.minLon).where('e.lon', '<=', range.box.maxLon);
  if (scope) q = q.where('e.marking_id', 'in', scope.markingIds);
  if (range.from) q = q.where('e.event_date', '>=', range.from);
  if (range.to) q = q.where('e.event_date', '<=', range.to);
  q = q.orderBy('e.event_date', 'desc').orderBy('e.id', 'desc');
  if (range.limit) q = q.limit(range.limit);
  return q.execute();
}

/** Which of these ACLED ids are stored among the events in scope. */
export async function knownSourceIds(db: Db, scope: Scope, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('conflict_events').select('source_id').where('source_id', 'in', [...ids]).where('marking_id', 'in', scope.markingIds).execute();
  return new Set(rows.flatMap((r) => (r.source_id === null ? [] : [r.source_id])));
}

/** How many events in scope fall within the dates, and the marking of each distinct group (for the banner). */
export async function countEvents(db: Db, scope: Scope, range: { from?: string; to?: string }): Promise<{ total: number; markings: string[] }> {
  let q = db
    .selectFrom('conflict_events as e')
    .innerJoin('markings as m', 'm.id', 'e.marking_id')
    .select(['m.text', db.fn.countAll<number>().as('n')])
    .where('e.marking_id', 'in', scope.markingIds)
    .groupBy('m.text');
  if (range.from) q = q.where('e.event_date', '>=', range.from);
  if (range.to) q = q.where('e.event_date', '<=', range.to);
  const rows = await q.execute();
  return { total: rows.reduce((s, r) => s + Number(r.n), 0), markings: rows.map((r) => r.text) };
}

/** What the model reads of an event: the few columns it needs, so a history over 100,000 events stays light. */
export interface ModelEventRow {
  event_date: string;
  event_type: string;
  sub_event_type: string;
  fatalities: number;
  lat: number;
  lon: number;
  marking_text: string;
}

/** Events in scope (`null`: all) dated within [from, to] and inside a latitude/longitude box. */
export async function selectModelEvents(db: Db, scope: Scope | null, q: { from: string; to: string; box: Box }): Promise<ModelEventRow[]> {
  let query = db
    .selectFrom('conflict_events as e')
    .innerJoin('markings as m', 'm.id', 'e.marking_id')
    .select(['e.event_date', 'e.event_type', 'e.sub_event_type', 'e.fatalities', 'e.lat', 'e.lon', 'm.text as marking_text'])
    .where('e.event_date', '>=', q.from)
    .where('e.event_date', '<=', q.to)
    .where('e.lat', '>=', q.box.minLat)
    .where('e.lat', '<=', q.box.maxLat)
    .where('e.lon', '>=', q.box.minLon)
    .where('e.lon', '<=', q.box.maxLon);
  if (scope) query = query.where('e.marking_id', 'in', scope.markingIds);
  return query.execute();
}
