import type { Scope } from '../access/index.js';
import type { Db, RepatriationCountriesTable, RepatriationEngagementsTable, RepatriationStatusChangesTable } from '../store/index.js';

/** Countries of origin, their status history and their engagement log: every read filtered by marking scope. */

export type CountryRow = RepatriationCountriesTable & { marking_text: string };
export type EngagementRow = RepatriationEngagementsTable & { marking_text: string };
export type StatusChangeRow = RepatriationStatusChangesTable & { marking_text: string };

/** Every country record the scope shows (optionally one country or one status). */
export async function selectCountries(db: Db, scope: Scope, f: { country?: string | undefined; status?: string | undefined } = {}): Promise<CountryRow[]> {
  let q = db.selectFrom('repatriation_countries as c').innerJoin('markings as m', 'm.id', 'c.marking_id').selectAll('c').select('m.text as marking_text')
    .where('c.marking_id', 'in', scope.markingIds);
  if (f.country) q = q.where('c.country', '=', f.country);
  if (f.status) q = q.where('c.status', '=', f.status);
  return q.orderBy('c.country').execute();
}

/** A country record whatever the scope (to tell "absent" from "exists" when writing; never shown). */
export async function countryExists(db: Db, country: string): Promise<boolean> {
  return (await db.selectFrom('repatriation_countries').select('country').where('country', '=', country).executeTakeFirst()) !== undefined;
}

/**
 * A country record whatever the caller's scope, for a rule that must hold however little the caller sees (a
 * handover needs the country's acceptance in force); never presented.
 */
export async function countryRecordUnscoped(db: Db, country: string): Promise<RepatriationCountriesTable | undefined> {
  return db.selectFrom('repatriation_countries').selectAll().where('country', '=', country).executeTakeFirst();
}

export async function insertCountry(db: Db, row: RepatriationCountriesTable): Promise<void> {
  await db.insertInto('repatriation_countries').values(row).execute();
}

/** Updates a country if it is still at `version`; false when it moved on. */
export async function updateCountry(db: Db, country: string, version: number, set: Pick<RepatriationCountriesTable, 'status' | 'conditions' | 'marking_id' | 'updated_at' | 'updated_by'>): Promise<boolean> {
  const r = await db.updateTable('repatriation_countries').set({ ...set, version: version + 1 }).where('country', '=', country).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertStatusChanges(db: Db, rows: RepatriationStatusChangesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('repatriation_status_changes').values(rows.slice(i, i + 500)).execute();
}

export async function selectStatusChanges(db: Db, scope: Scope, country: string): Promise<StatusChangeRow[]> {
  return db.selectFrom('repatriation_status_changes as s').innerJoin('markings as m', 'm.id', 's.marking_id').selectAll('s').select('m.text as marking_text')
    .where('s.marking_id', 'in', scope.markingIds).where('s.country', '=', country).orderBy('s.at', 'desc').orderBy('s.id', 'desc').execute();
}

export async function insertEngagements(db: Db, rows: RepatriationEngagementsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('repatriation_engagements').values(rows.slice(i, i + 500)).execute();
}

/** Engagements in scope: of one country (newest first), or recorded in a window. */
export async function selectEngagements(db: Db, scope: Scope, f: { id?: string; country?: string | undefined; recordedAfter?: string; recordedUntil?: string; kind?: string }): Promise<EngagementRow[]> {
  let q = db.selectFrom('repatriation_engagements as e').innerJoin('markings as m', 'm.id', 'e.marking_id').selectAll('e').select('m.text as marking_text')
    .where('e.marking_id', 'in', scope.markingIds);
  if (f.id) q = q.where('e.id', '=', f.id);
  if (f.country) q = q.where('e.country', '=', f.country);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.recordedAfter) q = q.where('e.recorded_at', '>', f.recordedAfter);
  if (f.recordedUntil) q = q.where('e.recorded_at', '<=', f.recordedUntil);
  return q.orderBy('e.at', 'desc').orderBy('e.id', 'desc').execute();
}

/** The latest engagement date per country, in scope. */
export async function lastEngagements(db: Db, scope: Scope, country?: string): Promise<Map<string, { at: string; marking_id: number }[]>> {
  const rows = await db.selectFrom('repatriation_engagements').select(['country', 'marking_id', (eb) => eb.fn.max('at').as('at')])
    .where('marking_id', 'in', scope.markingIds).where((eb) => (country ? eb('country', '=', country) : eb.lit(true))).groupBy(['country', 'marking_id']).execute();
  const out = new Map<string, { at: string; marking_id: number }[]>();
  for (const r of rows) out.set(r.country, [...(out.get(r.country) ?? []), { at: String(r.at), marking_id: r.marking_id }]);
  return out;
}
