import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Db } from '../store/index.js';

/** Queries behind the registry's agenda and outcome sources; every one filters on the caller's scope. */

/** Facilities in scope changed (or added) after `since` up to `until`. */
export async function facilitiesChanged(db: Db, scope: Scope, since: string, until: string) {
  return db
    .selectFrom('facilities as f')
    .innerJoin('markings as m', 'm.id', 'f.marking_id')
    .select(['f.id', 'f.code', 'f.name', 'f.kind', 'f.status', 'f.collapse_risk', 'f.version', 'f.updated_at', 'm.text as marking_text'])
    .where('f.marking_id', 'in', scope.markingIds)
    .where('f.updated_at', '>', since)
    .where('f.updated_at', '<=', until)
    .orderBy('f.updated_at')
    .execute();
}

/** Detainees in scope whose record changed in the window, counted by status, facility (if seen) and marking. */
export async function detaineeChanges(db: Db, scope: Scope, since: string, until: string) {
  const rows = await db
    .selectFrom('detainees as d')
    .leftJoin('facilities as f', (j) => j.onRef('f.id', '=', 'd.facility_id').on('f.marking_id', 'in', scope.markingIds))
    .select(['d.status', 'f.code as facility_code', 'd.marking_id', sql<number>`count(*)`.as('n'), sql<string>`max(d.updated_at)`.as('last')])
    .where('d.marking_id', 'in', scope.markingIds)
    .where('d.updated_at', '>', since)
    .where('d.updated_at', '<=', until)
    .where('d.version', '>', 1)
    .groupBy(['d.status', 'f.code', 'd.marking_id'])
    .execute();
  return rows.map((r) => ({ status: r.status, facilityCode: r.facility_code, markingId: r.marking_id, n: Number(r.n), last: r.last }));
}

/** Origin sites in scope (prisons and camps holding detainees) with their marking and collapse risk. */
export async function originSites(db: Db, scope: Scope) {
  return db
    .selectFrom('facilities as f')
    .innerJoin('markings as m', 'm.id', 'f.marking_id')
    .select(['f.id', 'f.code', 'f.name', 'f.collapse_risk', 'm.text as marking_text'])
    .where('f.marking_id', 'in', scope.markingIds)
    .where('f.kind', '=', 'prison')
    .orderBy('f.code')
    .execute();
}
