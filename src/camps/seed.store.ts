import type { Db } from '../store/index.js';

/** Unscoped reads of the loaded camp population, for the scenario baseline only (`scenario:load`). */

export async function selectAllHouseholds(db: Db, campIds: readonly string[]): Promise<{ id: string; code: string; facility_id: string; nationality: string }[]> {
  if (campIds.length === 0) return [];
  return db.selectFrom('households').select(['id', 'code', 'facility_id', 'nationality']).where('facility_id', 'in', [...campIds]).orderBy('code').execute();
}

export interface SeedResident {
  id: string;
  household_id: string;
  facility_id: string;
  birth_date: string | null;
  relation: string;
  nationality: string;
  marking_id: number;
  related_detainee_id: string | null;
}

/** Residents of these camps with no details yet: what the baseline has still to record. */
export async function selectUnseededResidents(db: Db, campIds: readonly string[]): Promise<SeedResident[]> {
  if (campIds.length === 0) return [];
  return db
    .selectFrom('residents as r')
    .leftJoin('camp_resident_details as d', 'd.resident_id', 'r.id')
    .select(['r.id', 'r.household_id', 'r.facility_id', 'r.birth_date', 'r.relation', 'r.nationality', 'r.marking_id', 'r.related_detainee_id'])
    .where('r.facility_id', 'in', [...campIds])
    .where('d.resident_id', 'is', null)
    .orderBy('r.household_id')
    .orderBy('r.id')
    .execute();
}
