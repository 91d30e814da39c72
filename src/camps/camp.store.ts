import type { Scope } from '../access/index.js';
import type { CampAgreementsTable, CampAuthoritiesTable, CampSectionsTable, Db } from '../store/index.js';

/** Camps (facilities of kind camp), their sections, control history and data-sharing agreements. */

/** A camp the caller may see. */
export interface CampRow {
  id: string;
  code: string;
  name: string;
  guard_agency_id: string | null;
}

/** Camps in scope, by code. */
export async function selectCamps(db: Db, scope: Scope): Promise<CampRow[]> {
  return db
    .selectFrom('facilities')
    .select(['id', 'code', 'name', 'guard_agency_id'])
    .where('kind', '=', 'camp')
    .where('marking_id', 'in', scope.markingIds)
    .orderBy('code')
    .execute();
}

/** Every camp, in scope or not: only the scenario baseline uses it. */
export async function selectAllCamps(db: Db): Promise<CampRow[]> {
  return db.selectFrom('facilities').select(['id', 'code', 'name', 'guard_agency_id']).where('kind', '=', 'camp').orderBy('code').execute();
}

/** Control history rows of these camps, with agency codes, oldest first. */
export async function selectControl(db: Db, campIds: readonly string[]): Promise<(CampAuthoritiesTable & { agency_code: string })[]> {
  if (campIds.length === 0) return [];
  return db
    .selectFrom('camp_authorities as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .selectAll('c')
    .select('a.code as agency_code')
    .where('c.facility_id', 'in', [...campIds])
    .orderBy('c.from_at')
    .execute();
}

/** Agreement rows of these camps, with agency codes, oldest first (ties in the order recorded). */
export async function selectAgreements(db: Db, campIds: readonly string[]): Promise<(CampAgreementsTable & { agency_code: string })[]> {
  if (campIds.length === 0) return [];
  return db
    .selectFrom('camp_agreements as g')
    .innerJoin('agencies as a', 'a.id', 'g.agency_id')
    .selectAll('g')
    .select('a.code as agency_code')
    .where('g.facility_id', 'in', [...campIds])
    .orderBy('g.from_at')
    .orderBy('g.recorded_at')
    .orderBy('g.id')
    .execute();
}

export async function insertControl(db: Db, rows: CampAuthoritiesTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('camp_authorities').values(rows).execute();
}

export async function insertAgreements(db: Db, rows: CampAgreementsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('camp_agreements').values(rows).execute();
}

/** Sections of these camps, by camp then code. */
export async function selectSections(db: Db, campIds: readonly string[]): Promise<CampSectionsTable[]> {
  if (campIds.length === 0) return [];
  return db.selectFrom('camp_sections').selectAll().where('facility_id', 'in', [...campIds]).orderBy('facility_id').orderBy('code').execute();
}

export async function insertSections(db: Db, rows: CampSectionsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('camp_sections').values(rows).execute();
}

/** The id and code of every agency, for presenting control history and resolving codes. */
export async function selectAgencies(db: Db): Promise<{ id: string; code: string; kind: string }[]> {
  return db.selectFrom('agencies').select(['id', 'code', 'kind']).orderBy('code').execute();
}
