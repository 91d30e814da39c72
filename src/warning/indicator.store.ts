import type { Scope } from '../access/index.js';
import type { Db, FacilityIndicatorsTable } from '../store/index.js';

/** Facility indicator observations. */

export type IndicatorRow = FacilityIndicatorsTable & { marking_text: string };

export async function insertIndicators(db: Db, rows: readonly FacilityIndicatorsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('facility_indicators').values(rows.slice(i, i + 200)).execute();
}

/** Observations in scope (`null`: all) of these facilities up to `to`, oldest first. */
export async function selectIndicators(db: Db, scope: Scope | null, facilityIds: readonly string[], to?: string): Promise<IndicatorRow[]> {
  if (facilityIds.length === 0) return [];
  let q = db
    .selectFrom('facility_indicators as i')
    .innerJoin('markings as m', 'm.id', 'i.marking_id')
    .selectAll('i')
    .select('m.text as marking_text')
    .where('i.facility_id', 'in', [...facilityIds]);
  if (scope) q = q.where('i.marking_id', 'in', scope.markingIds);
  if (to) q = q.where('i.observed_at', '<=', to);
  return q.orderBy('i.observed_at').orderBy('i.id').execute();
}
