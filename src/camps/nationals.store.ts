import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Db } from '../store/index.js';

/** One group of residents in scope: same camp, nationality, status, sex, age group and marking. */
export interface ResidentGroupRow {
  facility_id: string;
  nationality: string;
  status: string;
  sex: string;
  age_group: string;
  marking_id: number;
  n: number | string | bigint;
}

/**
 * Residents in scope of the given camps, in a camp outside their own country, grouped by camp, nationality, status, sex, age group (`under-12`,
 * `12-17`, `adult`, `unknown`, from the birth reference against `cut12`/`cut18`, the last birth dates of someone
 * aged 12 and 18) and marking.
 */
export async function groupResidents(db: Db, scope: Scope, q: { campIds: readonly string[]; nationality?: string | undefined; cut12: string; cut18: string }): Promise<ResidentGroupRow[]> {
  // NOTE: birth references are ISO dates, so text comparison orders them on both dialects.
  const ref = sql`coalesce(d.birth_ref, r.birth_date)`;
  const ageGroup = sql<string>`case when ${ref} is null then 'unknown' when ${ref} > ${q.cut12} then 'under-12' when ${ref} > ${q.cut18} then '12-17' else 'adult' end`;
  let inner = db
    .selectFrom('residents as r')
    .leftJoin('camp_resident_details as d', 'd.resident_id', 'r.id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .select(['r.facility_id', 'r.nationality', 'r.status', 'r.sex', 'r.marking_id', ageGroup.as('age_group')])
    .where('r.marking_id', 'in', scope.markingIds)
    .where('r.facility_id', 'in', q.campIds.length > 0 ? [...q.campIds] : ['#none'])
    // A resident of a camp in their own country is displaced at home, not a national to repatriate.
    .where('f.country', '<>', (eb) => eb.ref('r.nationality'));
  if (q.nationality) inner = inner.where('r.nationality', '=', q.nationality);
  // NOTE: grouped in an outer query: PostgreSQL does not match a GROUP BY expression whose parameters are bound
  // separately from the same expression in the select list.
  const query = db
    .selectFrom(inner.as('x'))
    .select(['x.facility_id', 'x.nationality', 'x.status', 'x.sex', 'x.marking_id', 'x.age_group', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['x.facility_id', 'x.nationality', 'x.status', 'x.sex', 'x.marking_id', 'x.age_group']);
  return (await query.execute());
}
