import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { CampResidentDetailsTable, Db, HouseholdsTable, ResidentsTable } from '../store/index.js';

/** Residents in the caller's scope, joined to what presenting them needs. */

// An id no row has (PostgreSQL text cannot hold U+0000), so that `IN (…)` never gets an empty list.
const NONE = '#none';

/** A resident row with its camp, household (when in scope), section, details and marking resolved. */
export interface ResidentRow extends Omit<ResidentsTable, 'related_detainee_id' | 'search_keys' | 'created_at'> {
  camp_code: string;
  marking_text: string;
  household_code: string | null;
  section_id: string | null;
  section_code: string | null;
  birth_year: number | null;
  birth_estimated: number | null;
  birth_ref: string | null;
  languages: string | null;
  vulnerabilities: string | null;
}

/** Filters of a resident query; every id list is already narrowed to camps that show the fields it uses. */
export interface ResidentFilter {
  campIds: readonly string[];
  ids?: readonly string[] | undefined;
  householdId?: string | undefined;
  householdIds?: readonly string[] | undefined;
  birthRefs?: readonly string[] | undefined;
  status?: string | undefined;
  nationality?: string | undefined;
  sex?: string | undefined;
  /** Birth reference on or before (age at least …). */
  bornBy?: string | undefined;
  /** Birth reference after (age at most …). */
  bornAfter?: string | undefined;
  searchKeys?: readonly string[] | undefined;
}

function scopedResidents(db: Db, scope: Scope) {
  return db
    .selectFrom('residents as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .innerJoin('markings as m', 'm.id', 'r.marking_id')
    .leftJoin('households as h', (j) => j.onRef('h.id', '=', 'r.household_id').on('h.marking_id', 'in', scope.markingIds))
    .leftJoin('camp_resident_details as d', 'd.resident_id', 'r.id')
    .leftJoin('camp_sections as s', 's.id', 'd.section_id')
    .select([
      'r.id', 'r.household_id', 'r.facility_id', 'r.name_ar', 'r.name_latin', 'r.sex', 'r.birth_date', 'r.nationality', 'r.relation',
      'r.status', 'r.marking_id', 'f.code as camp_code', 'm.text as marking_text', 'h.code as household_code', 'd.section_id',
      's.code as section_code', 'd.birth_year', 'd.birth_estimated', 'd.birth_ref', 'd.languages', 'd.vulnerabilities',
    ])
    .where('r.marking_id', 'in', scope.markingIds);
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, '');
}

function filtered(db: Db, scope: Scope, f: ResidentFilter) {
  let q = scopedResidents(db, scope).where('r.facility_id', 'in', [...f.campIds]);
  if (f.ids) q = q.where('r.id', 'in', f.ids.length > 0 ? [...f.ids] : [NONE]);
  if (f.householdId) q = q.where('r.household_id', '=', f.householdId);
  if (f.householdIds) q = q.where('r.household_id', 'in', f.householdIds.length > 0 ? [...f.householdIds] : [NONE]);
  if (f.birthRefs) q = q.where('d.birth_ref', 'in', f.birthRefs.length > 0 ? [...f.birthRefs] : [NONE]);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.nationality) q = q.where('r.nationality', '=', f.nationality);
  if (f.sex) q = q.where('r.sex', '=', f.sex);
  if (f.bornBy) q = q.where('d.birth_ref', '<=', f.bornBy);
  if (f.bornAfter) q = q.where('d.birth_ref', '>', f.bornAfter);
  // Every query key must start some word of the row's keys (see kernel nameSearchKeys).
  for (const k of f.searchKeys ?? []) q = q.where('r.search_keys', 'like', `% ${escapeLike(k)}%`);
  return q;
}

/** A page of residents in scope, ordered by id, after `afterId`. */
export async function selectResidentPage(db: Db, scope: Scope, f: ResidentFilter, page: { afterId?: string | undefined; limit: number }): Promise<ResidentRow[]> {
  let q = filtered(db, scope, f).orderBy('r.id').limit(page.limit);
  if (page.afterId) q = q.where('r.id', '>', page.afterId);
  return q.execute();
}

/** The residents table alone, for counts that filter on its own columns (index-only on the camp index). */
function counted(db: Db, scope: Scope, f: ResidentFilter) {
  let q = db.selectFrom('residents as r').select(sql<number>`count(*)`.as('n')).where('r.marking_id', 'in', scope.markingIds).where('r.facility_id', 'in', [...f.campIds]);
  if (f.ids) q = q.where('r.id', 'in', f.ids.length > 0 ? [...f.ids] : [NONE]);
  if (f.householdId) q = q.where('r.household_id', '=', f.householdId);
  if (f.householdIds) q = q.where('r.household_id', 'in', f.householdIds.length > 0 ? [...f.householdIds] : [NONE]);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.nationality) q = q.where('r.nationality', '=', f.nationality);
  if (f.sex) q = q.where('r.sex', '=', f.sex);
  for (const k of f.searchKeys ?? []) q = q.where('r.search_keys', 'like', `% ${escapeLike(k)}%`);
  return q;
}

/** The distinct markings of the residents in scope that match: what an aggregate of them is marked with. */
export async function markingsOf(db: Db, scope: Scope, f: ResidentFilter): Promise<number[]> {
  const rows = await counted(db, scope, f).clearSelect().select('r.marking_id').distinct().execute();
  return rows.map((r) => r.marking_id);
}

/** How many residents in scope match. */
export async function countResidents(db: Db, scope: Scope, f: ResidentFilter): Promise<number> {
  const byBirth = f.bornBy !== undefined || f.bornAfter !== undefined || f.birthRefs !== undefined;
  const q = byBirth ? filtered(db, scope, f).clearSelect().select(sql<number>`count(*)`.as('n')) : counted(db, scope, f);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every resident in scope that matches (for households, graphs, cohorts and releases: bounded by the filter). */
export async function selectResidents(db: Db, scope: Scope, f: ResidentFilter): Promise<ResidentRow[]> {
  return filtered(db, scope, f).orderBy('r.id').execute();
}

/** Counts of residents in scope by a base column, for overviews. */
export async function countResidentsBy(db: Db, scope: Scope, f: ResidentFilter, by: 'r.nationality' | 'd.section_id' | 'r.facility_id'): Promise<Map<string | null, number>> {
  const slim = by !== 'd.section_id' && f.bornBy === undefined && f.bornAfter === undefined && f.birthRefs === undefined;
  const k = sql<string | null>`${sql.ref(by)}`.as('k');
  const rows = slim
    ? await counted(db, scope, f).select(k).groupBy(by).execute()
    : await filtered(db, scope, f).clearSelect().select([k, sql<number>`count(*)`.as('n')]).groupBy(by).execute();
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

/** Sex and birth reference of residents in scope that match, for the age pyramid. */
export async function selectSexAndBirth(db: Db, scope: Scope, f: ResidentFilter): Promise<{ sex: string; birth_ref: string | null }[]> {
  return filtered(db, scope, f).clearSelect().select(['r.sex', 'd.birth_ref']).execute();
}

/** Moves a resident in the registry: camp, status and section change together with the movement row. */
export async function updateResidentPlace(db: Db, id: string, place: { facilityId: string; status: string; sectionId?: string | null }, now: string): Promise<void> {
  await db.updateTable('residents').set({ facility_id: place.facilityId, status: place.status }).where('id', '=', id).execute();
  if (place.sectionId !== undefined) {
    await db.updateTable('camp_resident_details').set({ section_id: place.sectionId, updated_at: now }).where('resident_id', '=', id).execute();
  }
}

const CHUNK = 400;

/** Inserts households, residents and their details, in multi-row statements. */
export async function insertPeople(db: Db, rows: { households: HouseholdsTable[]; residents: ResidentsTable[]; details: CampResidentDetailsTable[] }): Promise<void> {
  for (let i = 0; i < rows.households.length; i += CHUNK) await db.insertInto('households').values(rows.households.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < rows.residents.length; i += CHUNK) await db.insertInto('residents').values(rows.residents.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < rows.details.length; i += CHUNK) await db.insertInto('camp_resident_details').values(rows.details.slice(i, i + CHUNK)).execute();
}
