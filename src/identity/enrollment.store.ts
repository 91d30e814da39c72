import type { Scope } from '../access/index.js';
import type { Db } from '../store/index.js';
import type { IdentityEnrollmentsTable } from '../store/index.js';

/** An enrollment row with its detainee's ISN. */
export interface EnrollmentRow extends IdentityEnrollmentsTable {
  isn: string;
}

// SQLite binds at most 32,766 parameters per statement: 20 columns × 500 rows stays well under.
const BATCH = 500;

/** Inserts enrollment rows in multi-row statements. */
export async function insertEnrollments(db: Db, rows: readonly IdentityEnrollmentsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto('identity_enrollments').values(rows.slice(i, i + BATCH)).execute();
}

/** True when an enrollment id is taken (seen or not: ids are unique across the store). */
export async function enrollmentIdTaken(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('identity_enrollments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Enrollments in scope, optionally only some ids or detainees. */
export async function selectEnrollments(db: Db, scope: Scope, f: { ids?: readonly string[]; detaineeIds?: readonly string[] } = {}): Promise<EnrollmentRow[]> {
  let q = db
    .selectFrom('identity_enrollments as e')
    .innerJoin('detainees as d', 'd.id', 'e.detainee_id')
    .selectAll('e')
    .select('d.isn')
    .where('e.marking_id', 'in', scope.markingIds);
  if (f.ids) q = q.where('e.id', 'in', f.ids.length > 0 ? [...f.ids] : ['']);
  if (f.detaineeIds) q = q.where('e.detainee_id', 'in', f.detaineeIds.length > 0 ? [...f.detaineeIds] : ['']);
  return q.orderBy('e.id').execute();
}

/** How many enrollments in scope, and the markings behind the count. */
export async function countEnrollments(db: Db, scope: Scope, until?: string): Promise<{ count: number; markingIds: number[] }> {
  let q = db.selectFrom('identity_enrollments').select(['marking_id', (eb) => eb.fn.countAll<number>().as('n')]).where('marking_id', 'in', scope.markingIds);
  if (until) q = q.where('created_at', '<=', until);
  const rows = await q.groupBy('marking_id').execute();
  return { count: rows.reduce((s, r) => s + Number(r.n), 0), markingIds: rows.map((r) => r.marking_id) };
}

/** A detainee the caller may see, by ISN or id, with what enrollment and identity need. */
export async function selectDetaineeRef(db: Db, scope: Scope, isnOrId: string) {
  return db
    .selectFrom('detainees')
    .select(['id', 'isn', 'name_ar', 'name_latin', 'aliases', 'birth_date', 'birth_year', 'birth_place', 'nationality', 'marking_id'])
    .where((eb) => eb.or([eb('isn', '=', isnOrId), eb('id', '=', isnOrId)]))
    .where('marking_id', 'in', scope.markingIds)
    .executeTakeFirst();
}

/** Detainees by id, within scope. */
export async function selectDetaineeRefs(db: Db, scope: Scope, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('detainees')
    .select(['id', 'isn', 'name_ar', 'name_latin', 'aliases', 'marking_id'])
    .where('id', 'in', [...ids])
    .where('marking_id', 'in', scope.markingIds)
    .execute();
}

/** The scenario's ground truth pairs (ISNs), for the accuracy report. */
export async function selectTruthPairs(db: Db): Promise<{ kind: string; a: string; b: string | null }[]> {
  return db.selectFrom('scenario_truth').select(['kind', 'a', 'b']).execute();
}
