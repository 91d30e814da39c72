import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Db, HouseholdsTable } from '../store/index.js';

/** Households in the caller's scope, with their shelter and section. */

export interface HouseholdRow extends HouseholdsTable {
  marking_text: string;
  shelter_code: string | null;
  section_code: string | null;
}

export interface HouseholdFilter {
  campIds: readonly string[];
  nationality?: string | undefined;
  idOrCode?: string | undefined;
}

function filtered(db: Db, scope: Scope, f: HouseholdFilter) {
  let q = db
    .selectFrom('households as h')
    .innerJoin('markings as m', 'm.id', 'h.marking_id')
    .leftJoin('camp_shelters as t', 't.household_id', 'h.id')
    .leftJoin('camp_sections as s', 's.id', 't.section_id')
    .selectAll('h')
    .select(['m.text as marking_text', 't.code as shelter_code', 's.code as section_code'])
    .where('h.marking_id', 'in', scope.markingIds)
    .where('h.facility_id', 'in', [...f.campIds]);
  if (f.nationality) q = q.where('h.nationality', '=', f.nationality);
  if (f.idOrCode) {
    const key = f.idOrCode;
    q = q.where((eb) => eb.or([eb('h.id', '=', key), eb('h.code', '=', key)]));
  }
  return q;
}

/** A page of households in scope, by code, after `after`. */
export async function selectHouseholdPage(db: Db, scope: Scope, f: HouseholdFilter, page: { after?: string | undefined; limit: number }): Promise<HouseholdRow[]> {
  let q = filtered(db, scope, f).orderBy('h.code').limit(page.limit);
  if (page.after) q = q.where('h.code', '>', page.after);
  return q.execute();
}

export async function countHouseholds(db: Db, scope: Scope, f: HouseholdFilter): Promise<number> {
  const r = await filtered(db, scope, f).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Present members in scope of each household. */
export async function memberCounts(db: Db, scope: Scope, householdIds: readonly string[]): Promise<Map<string, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('residents')
    .select(['household_id', sql<number>`count(*)`.as('n')])
    .where('household_id', 'in', [...householdIds])
    .where('status', '=', 'resident')
    .where('marking_id', 'in', scope.markingIds)
    .groupBy('household_id')
    .execute();
  return new Map(rows.map((r) => [r.household_id, Number(r.n)]));
}

/** Households by code (any scope): an import uses it to tell a new household from a member row. */
export async function selectHouseholdsByCode(db: Db, codes: readonly string[]): Promise<HouseholdsTable[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('households').selectAll().where('code', 'in', [...codes]).execute();
}

export async function insertShelters(db: Db, rows: { id: string; section_id: string; code: string; household_id: string | null; created_at: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await db.insertInto('camp_shelters').values(rows.slice(i, i + 400)).execute();
}

/** Shelters of these sections (any scope: shelters carry no personal data), with who lives there. */
export async function selectShelters(db: Db, sectionIds: readonly string[]): Promise<{ id: string; section_id: string; code: string; household_id: string | null }[]> {
  if (sectionIds.length === 0) return [];
  return db.selectFrom('camp_shelters').select(['id', 'section_id', 'code', 'household_id']).where('section_id', 'in', [...sectionIds]).execute();
}

/** The shelters these households live in. */
export async function sheltersOfHouseholds(db: Db, householdIds: readonly string[]): Promise<{ household_id: string | null; code: string; section_id: string }[]> {
  if (householdIds.length === 0) return [];
  return db.selectFrom('camp_shelters').select(['household_id', 'code', 'section_id']).where('household_id', 'in', [...householdIds]).execute();
}

/** Moves a household into an empty shelter. */
export async function assignShelter(db: Db, shelterId: string, householdId: string): Promise<void> {
  await db.updateTable('camp_shelters').set({ household_id: householdId }).where('id', '=', shelterId).where('household_id', 'is', null).execute();
}
