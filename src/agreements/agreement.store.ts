import type { Scope } from '../access/index.js';
import type { AgreementEventsTable, AgreementsTable, Db } from '../store/index.js';

/** Agreements and their append-only history. */

export type AgreementRow = AgreementsTable & { marking_text: string; holding: string; receiving: string; airlift: string };

function agreements(db: Db) {
  return db
    .selectFrom('agreements as g')
    .innerJoin('markings as m', 'm.id', 'g.marking_id')
    .innerJoin('agencies as h', 'h.id', 'g.holding_agency_id')
    .innerJoin('agencies as r', 'r.id', 'g.receiving_agency_id')
    .innerJoin('agencies as a', 'a.id', 'g.airlift_agency_id')
    .selectAll('g')
    .select(['m.text as marking_text', 'h.code as holding', 'r.code as receiving', 'a.code as airlift']);
}

export async function selectAgreements(db: Db, scope: Scope, q: { status?: string } = {}): Promise<AgreementRow[]> {
  let query = agreements(db).where('g.marking_id', 'in', scope.markingIds);
  if (q.status) query = query.where('g.status', '=', q.status);
  return query.orderBy('g.code').execute();
}

export async function selectAgreement(db: Db, scope: Scope, idOrCode: string): Promise<AgreementRow | undefined> {
  return agreements(db).where('g.marking_id', 'in', scope.markingIds).where((eb) => eb.or([eb('g.id', '=', idOrCode), eb('g.code', '=', idOrCode)])).executeTakeFirst();
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('agreements').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertAgreement(db: Db, row: AgreementsTable): Promise<void> {
  await db.insertInto('agreements').values(row).execute();
}

/** Moves an agreement to `status` when it is still at `version`; false when someone changed it first. */
export async function updateStatus(db: Db, id: string, change: { status: string; version: number; at: string }): Promise<boolean> {
  const r = await db
    .updateTable('agreements')
    .set({ status: change.status, version: change.version + 1, updated_at: change.at })
    .where('id', '=', id)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertEvents(db: Db, rows: readonly AgreementEventsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('agreement_events').values([...rows]).execute();
}

/** History rows of these agreements, oldest first. */
export async function selectHistory(db: Db, ids: readonly string[]): Promise<AgreementEventsTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('agreement_events').selectAll().where('agreement_id', 'in', [...ids]).orderBy('at').orderBy('id').execute();
}

/** Status changes in scope within (since, until], with the agreement's code. */
export async function selectChanges(db: Db, scope: Scope, window: { since: string; until: string }): Promise<(AgreementEventsTable & { code: string; title: string; marking_text: string })[]> {
  return db
    .selectFrom('agreement_events as e')
    .innerJoin('agreements as g', 'g.id', 'e.agreement_id')
    .innerJoin('markings as m', 'm.id', 'e.marking_id')
    .selectAll('e')
    .select(['g.code', 'g.title', 'm.text as marking_text'])
    .where('e.marking_id', 'in', scope.markingIds)
    .where('e.at', '>', window.since)
    .where('e.at', '<=', window.until)
    .orderBy('e.at')
    .execute();
}

/** Agency ids and kinds by code. */
export async function selectAgencies(db: Db): Promise<Map<string, { id: string; kind: string }>> {
  const rows = await db.selectFrom('agencies').select(['id', 'code', 'kind']).execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, kind: r.kind }]));
}

/** A receiving facility (kind destination) in scope. */
export async function destinationInScope(db: Db, scope: Scope, code: string): Promise<boolean> {
  const row = await db.selectFrom('facilities').select('id').where('code', '=', code).where('kind', '=', 'destination').where('marking_id', 'in', scope.markingIds).executeTakeFirst();
  return row !== undefined;
}
