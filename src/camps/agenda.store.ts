import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Db } from '../store/index.js';

/** Queries behind the camps' agenda and outcome sources; movements count only residents in the caller's scope. */

/** Movements in the window touching the given camps, counted by camp, kind and the residents' marking. */
export async function movementsInWindow(db: Db, scope: Scope, campIds: readonly string[], window: { since: string; until: string }) {
  if (campIds.length === 0) return [];
  const rows = await db
    .selectFrom('camp_movements as e')
    .innerJoin('residents as r', 'r.id', 'e.resident_id')
    .select(['e.facility_id', 'e.from_facility_id', 'e.kind', 'r.marking_id', sql<number>`count(*)`.as('n'), sql<string>`max(e.at)`.as('last')])
    .where((eb) => eb.or([eb('e.facility_id', 'in', [...campIds]), eb('e.from_facility_id', 'in', [...campIds])]))
    .where('r.marking_id', 'in', scope.markingIds)
    .where('e.at', '>', window.since)
    .where('e.at', '<=', window.until)
    .groupBy(['e.facility_id', 'e.from_facility_id', 'e.kind', 'r.marking_id'])
    .execute();
  return rows.map((r) => ({ campId: r.facility_id, fromCampId: r.from_facility_id, kind: r.kind, markingId: r.marking_id, n: Number(r.n), last: r.last }));
}

/** Movements up to `until` touching the given camps, counted by day, camp and kind (for population series). */
export async function movementsByDay(db: Db, scope: Scope, campIds: readonly string[], until: string) {
  if (campIds.length === 0) return [];
  const day = sql<string>`substr(e.at, 1, 10)`;
  const rows = await db
    .selectFrom('camp_movements as e')
    .innerJoin('residents as r', 'r.id', 'e.resident_id')
    .select([day.as('day'), 'e.facility_id', 'e.from_facility_id', 'e.kind', 'r.marking_id', sql<number>`count(*)`.as('n')])
    .where((eb) => eb.or([eb('e.facility_id', 'in', [...campIds]), eb('e.from_facility_id', 'in', [...campIds])]))
    .where('r.marking_id', 'in', scope.markingIds)
    .where('e.at', '<=', until)
    .groupBy([day, 'e.facility_id', 'e.from_facility_id', 'e.kind', 'r.marking_id'])
    .orderBy(day)
    .execute();
  return rows.map((r) => ({ day: r.day, campId: r.facility_id, fromCampId: r.from_facility_id, kind: r.kind, markingId: r.marking_id, n: Number(r.n) }));
}

/** Changes of control of the given camps in the window, with the camp's marking. */
export async function controlChanges(db: Db, campIds: readonly string[], window: { since: string; until: string }) {
  if (campIds.length === 0) return [];
  return db
    .selectFrom('camp_authorities as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .innerJoin('facilities as f', 'f.id', 'c.facility_id')
    .innerJoin('markings as m', 'm.id', 'f.marking_id')
    .select(['c.facility_id', 'c.from_at', 'c.reference', 'a.code as agency_code', 'm.text as marking_text'])
    .where('c.facility_id', 'in', [...campIds])
    .where('c.from_at', '>', window.since)
    .where('c.from_at', '<=', window.until)
    .orderBy('c.from_at')
    .execute();
}
