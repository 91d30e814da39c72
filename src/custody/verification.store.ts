import type { CustodyVerificationsTable, Db } from '../store/index.js';

/** Queries of the verification record (append-only): one row per full verification of the log. */

export async function insertVerification(db: Db, row: CustodyVerificationsTable): Promise<void> {
  await db.insertInto('custody_verifications').values(row).execute();
}

/** The newest runs, newest first. */
export async function recentVerifications(db: Db, limit: number): Promise<CustodyVerificationsTable[]> {
  return db.selectFrom('custody_verifications').selectAll().orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Runs that finished in (since, until] and found a fault, oldest first. */
export async function failedVerificationsIn(db: Db, since: string, until: string): Promise<CustodyVerificationsTable[]> {
  return db.selectFrom('custody_verifications').selectAll().where('ok', '=', 0).where('finished_at', '>', since).where('finished_at', '<=', until).orderBy('finished_at').execute();
}

/** The newest run that finished at or before `asOf`. */
export async function verificationAsOf(db: Db, asOf: string): Promise<CustodyVerificationsTable | undefined> {
  return db.selectFrom('custody_verifications').selectAll().where('finished_at', '<=', asOf).orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The log's size at `asOf`: the largest signed checkpoint created by then. */
export async function checkpointSizeAsOf(db: Db, asOf: string): Promise<number> {
  const r = await db.selectFrom('custody_checkpoints').select((eb) => eb.fn.max('size').as('m')).where('created_at', '<=', asOf).executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m);
}

/** Checkpoint sizes over time (the newest per day), oldest first. */
export async function checkpointSeries(db: Db, asOf: string): Promise<{ at: string; size: number }[]> {
  const rows = await db.selectFrom('custody_checkpoints').select(['created_at', 'size']).where('created_at', '<=', asOf).orderBy('created_at').execute();
  const byDay = new Map<string, number>();
  for (const r of rows) byDay.set(r.created_at.slice(0, 10), Math.max(byDay.get(r.created_at.slice(0, 10)) ?? 0, Number(r.size)));
  return [...byDay.entries()].map(([day, size]) => ({ at: `${day}T23:59:59.999Z`, size }));
}

/** Alerts created in (since, until], oldest first. */
export async function alertsIn(db: Db, since: string, until: string) {
  return db.selectFrom('custody_alerts').selectAll().where('created_at', '>', since).where('created_at', '<=', until).orderBy('created_at').execute();
}

/** Handovers of an agency (either side) still pending, created by `until`. */
export async function pendingHandoversBy(db: Db, agencyId: string, until: string) {
  return db.selectFrom('custody_handovers').selectAll().where('status', '=', 'pending').where('created_at', '<=', until)
    .where((eb) => eb.or([eb('from_agency_id', '=', agencyId), eb('to_agency_id', '=', agencyId)]))
    .orderBy('created_at').limit(1000).execute();
}
