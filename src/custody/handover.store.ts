import type { CustodyHandoversTable, Db } from '../store/index.js';

/** Queries of handovers: pending ones await the receiving agency's signature. */

export type HandoverRow = CustodyHandoversTable;

export async function insertHandover(db: Db, row: HandoverRow): Promise<void> {
  await db.insertInto('custody_handovers').values(row).execute();
}

export async function handoverById(db: Db, id: string): Promise<HandoverRow | undefined> {
  return db.selectFrom('custody_handovers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The pending handover of a detainee, if any. */
export async function pendingOf(db: Db, detaineeId: string): Promise<HandoverRow[]> {
  return db.selectFrom('custody_handovers').selectAll().where('detainee_id', '=', detaineeId).where('status', '=', 'pending').orderBy('created_at').execute();
}

/** Closes a pending handover; false when it was no longer pending (someone else closed it first). */
export async function closeHandover(db: Db, id: string, set: Pick<HandoverRow, 'status' | 'event' | 'closed_at' | 'closed_by' | 'log_index'>): Promise<boolean> {
  const r = await db.updateTable('custody_handovers').set(set).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Handovers in `status` where `agencyId` releases, receives, or either. */
export async function handoversOfAgency(db: Db, agencyId: string, q: { status: string; role: 'any' | 'releasing' | 'receiving' }): Promise<HandoverRow[]> {
  let query = db.selectFrom('custody_handovers').selectAll().where('status', '=', q.status).orderBy('created_at').limit(1000);
  if (q.role === 'releasing') query = query.where('from_agency_id', '=', agencyId);
  else if (q.role === 'receiving') query = query.where('to_agency_id', '=', agencyId);
  else query = query.where((eb) => eb.or([eb('from_agency_id', '=', agencyId), eb('to_agency_id', '=', agencyId)]));
  return query.execute();
}
