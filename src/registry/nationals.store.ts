import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Db } from '../store/index.js';

/** One group of detainees in scope: same nationality, status, sex, age group and marking. */
export interface NationalsGroupRow {
  nationality: string;
  status: string;
  sex: string;
  age_group: string;
  marking_id: number;
  n: number | string | bigint;
}

/** `YYYY-MM-DD` as the integer YYYYMMDD, for portable date arithmetic on a birth year. */
function dayNumber(date: string): number {
  return Number(date.replaceAll('-', ''));
}

/**
 * Detainees in scope held outside their own country (or nowhere recorded), grouped by nationality, status, sex, age group (`under-12`, `12-17`, `adult`, `unknown`
 * on `cut12`/`cut18`: the last birth dates of someone aged 12 and 18) and marking. A birth year without a date
 * counts as born on 1 July of that year, the convention of estimated ages.
 */
export async function groupNationals(db: Db, scope: Scope, q: { nationality?: string | undefined; cut12: string; cut18: string }): Promise<NationalsGroupRow[]> {
  // NOTE: plain CASE over text and integer comparisons, so the query runs unchanged on SQLite and PostgreSQL.
  const ageGroup = sql<string>`case
    when d.birth_date is not null and d.birth_date > ${q.cut12} then 'under-12'
    when d.birth_date is not null and d.birth_date > ${q.cut18} then '12-17'
    when d.birth_date is not null then 'adult'
    when d.birth_year is not null and d.birth_year * 10000 + 701 > ${dayNumber(q.cut12)} then 'under-12'
    when d.birth_year is not null and d.birth_year * 10000 + 701 > ${dayNumber(q.cut18)} then '12-17'
    when d.birth_year is not null then 'adult'
    else 'unknown' end`;
  let inner = db
    .selectFrom('detainees as d')
    .leftJoin('facilities as f', 'f.id', 'd.facility_id')
    .select(['d.nationality', 'd.status', 'd.sex', 'd.marking_id', ageGroup.as('age_group')])
    .where('d.marking_id', 'in', scope.markingIds)
    // Held in their own country (an Iraqi at the Baghdad facility), a national is not one to repatriate. Only
    // the facility's country is read, never shown, so a facility outside the caller's scope reveals nothing.
    .where((eb) => eb.or([eb('f.country', 'is', null), eb('f.country', '<>', eb.ref('d.nationality'))]));
  if (q.nationality) inner = inner.where('d.nationality', '=', q.nationality);
  // NOTE: grouped in an outer query: PostgreSQL does not match a GROUP BY expression whose parameters are bound
  // separately from the same expression in the select list.
  const query = db
    .selectFrom(inner.as('x'))
    .select(['x.nationality', 'x.status', 'x.sex', 'x.marking_id', 'x.age_group', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['x.nationality', 'x.status', 'x.sex', 'x.marking_id', 'x.age_group']);
  return (await query.execute());
}
