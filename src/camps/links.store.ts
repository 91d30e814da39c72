import type { Scope } from '../access/index.js';
import type { CampFamilyLinksTable, CampGuardianshipsTable, Db } from '../store/index.js';

/** Guardianships, family links, and the detainees they point at (within the caller's registry scope). */

const CHUNK = 300;

export async function insertGuardianships(db: Db, rows: CampGuardianshipsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('camp_guardianships').values(rows.slice(i, i + CHUNK)).execute();
}

export async function insertFamilyLinks(db: Db, rows: CampFamilyLinksTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('camp_family_links').values(rows.slice(i, i + CHUNK)).execute();
}

/** Guardianships of these children, in scope, oldest first. */
export async function selectGuardianships(db: Db, scope: Scope, childIds: readonly string[]): Promise<CampGuardianshipsTable[]> {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('camp_guardianships')
    .selectAll()
    .where('child_id', 'in', [...childIds])
    .where('marking_id', 'in', scope.markingIds)
    .orderBy('since')
    .orderBy('id')
    .execute();
}

/** Active guardianships (no end date) of the children in these camps, in scope. */
export async function selectActiveGuardianshipsIn(db: Db, scope: Scope, campIds: readonly string[]): Promise<{ child_id: string; guardian_resident_id: string | null }[]> {
  return db
    .selectFrom('camp_guardianships as g')
    .innerJoin('residents as r', 'r.id', 'g.child_id')
    .select(['g.child_id', 'g.guardian_resident_id'])
    .where('r.facility_id', 'in', [...campIds])
    .where('g.until', 'is', null)
    .where('g.marking_id', 'in', scope.markingIds)
    .execute();
}

/** Family links of these residents, in scope. */
export async function selectFamilyLinks(db: Db, scope: Scope, residentIds: readonly string[]): Promise<CampFamilyLinksTable[]> {
  if (residentIds.length === 0) return [];
  return db
    .selectFrom('camp_family_links')
    .selectAll()
    .where((eb) => eb.or([eb('resident_id', 'in', [...residentIds]), eb('related_resident_id', 'in', [...residentIds])]))
    .where('marking_id', 'in', scope.markingIds)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** Residents of these camps with a detained father or mother the caller may see, in scope. */
export async function selectParentDetainedIn(db: Db, scope: Scope, campIds: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('camp_family_links as l')
    .innerJoin('residents as r', 'r.id', 'l.resident_id')
    .innerJoin('detainees as d', 'd.id', 'l.detainee_id')
    .select('l.resident_id')
    .where('l.kind', '=', 'detainee')
    .where('l.relation', 'in', ['father', 'mother'])
    .where('r.facility_id', 'in', [...campIds])
    .where('l.marking_id', 'in', scope.markingIds)
    .where('d.marking_id', 'in', scope.markingIds)
    .execute();
  return new Set(rows.map((r) => r.resident_id));
}

/** A detainee as a family link shows it: only those in the caller's scope. */
export interface DetaineeRef {
  id: string;
  isn: string;
  name_latin: string;
  name_ar: string;
  status: string;
}

/** The detainees with these ids (or ISNs) that the caller may see. */
export async function selectDetaineeRefs(db: Db, scope: Scope, idsOrIsns: readonly string[]): Promise<DetaineeRef[]> {
  if (idsOrIsns.length === 0) return [];
  return db
    .selectFrom('detainees')
    .select(['id', 'isn', 'name_latin', 'name_ar', 'status'])
    .where((eb) => eb.or([eb('id', 'in', [...idsOrIsns]), eb('isn', 'in', [...idsOrIsns])]))
    .where('marking_id', 'in', scope.markingIds)
    .execute();
}

/** One guardianship, in scope. */
export async function selectGuardianship(db: Db, scope: Scope, id: string): Promise<CampGuardianshipsTable | undefined> {
  return db.selectFrom('camp_guardianships').selectAll().where('id', '=', id).where('marking_id', 'in', scope.markingIds).executeTakeFirst();
}

/** Ends a guardianship: its last day, and why (append-only), in the caller's transaction. */
export async function endGuardianshipRow(db: Db, id: string, end: { on: string; reason: string; by: string; at: string }): Promise<void> {
  await db.updateTable('camp_guardianships').set({ until: end.on }).where('id', '=', id).where('until', 'is', null).execute();
  await db.insertInto('camp_guardianship_ends').values({ guardianship_id: id, ended_on: end.on, reason: end.reason, recorded_by: end.by, recorded_at: end.at }).execute();
}

/** How many guardianships of a child are still running (every one, whatever the caller's scope: a rule, not a read). */
export async function countActiveGuardianships(db: Db, childId: string): Promise<number> {
  const r = await db.selectFrom('camp_guardianships').select((eb) => eb.fn.countAll<number>().as('n')).where('child_id', '=', childId).where('until', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Replaces a resident's vulnerabilities (JSON list). */
export async function setVulnerabilities(db: Db, residentId: string, list: readonly string[], at: string): Promise<void> {
  await db.updateTable('camp_resident_details').set({ vulnerabilities: JSON.stringify([...list].sort()), updated_at: at }).where('resident_id', '=', residentId).execute();
}
