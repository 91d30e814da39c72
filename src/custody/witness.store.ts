import type { CustodyAlertsTable, CustodyWitnessHeadsTable, Db } from '../store/index.js';

/** Queries of witnessed heads and custody alerts (both append-only). */

export type WitnessRow = { id: number; agencyId: string; size: number; root: Buffer; note: string; consistent: boolean; seenAt: string };

function toWitness(r: { id: number; agency_id: string; size: number; root: Buffer; note: string; consistent: number; seen_at: string }): WitnessRow {
  return { id: Number(r.id), agencyId: r.agency_id, size: Number(r.size), root: r.root, note: r.note, consistent: r.consistent === 1, seenAt: r.seen_at };
}

/** The heads an agency has seen, smallest first. */
export async function headsSeenBy(db: Db, agencyId: string): Promise<WitnessRow[]> {
  const rows = await db.selectFrom('custody_witness_heads').select(['id', 'agency_id', 'size', 'root', 'note', 'consistent', 'seen_at']).where('agency_id', '=', agencyId).orderBy('size').orderBy('id').execute();
  return rows.map(toWitness);
}

/** Every witnessed head found consistent when recorded, smallest first (for verification). */
export async function consistentHeads(db: Db): Promise<WitnessRow[]> {
  const rows = await db.selectFrom('custody_witness_heads').select(['id', 'agency_id', 'size', 'root', 'note', 'consistent', 'seen_at']).where('consistent', '=', 1).orderBy('size').orderBy('id').execute();
  return rows.map(toWitness);
}

export async function insertWitnessHead(db: Db, row: Omit<CustodyWitnessHeadsTable, 'id'>): Promise<void> {
  await db.insertInto('custody_witness_heads').values(row).execute();
}

export async function insertAlert(db: Db, row: CustodyAlertsTable): Promise<void> {
  await db.insertInto('custody_alerts').values(row).execute();
}

/** Alerts, newest first. */
export async function listAlertRows(db: Db, limit: number): Promise<CustodyAlertsTable[]> {
  return db.selectFrom('custody_alerts').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
