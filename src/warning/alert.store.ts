import type { Scope } from '../access/index.js';
import type { Db, WarningAlertsTable } from '../store/index.js';

/** Alerts: raised by the system, acknowledged by a person. */

export type AlertRow = WarningAlertsTable & { marking_text: string; code: string; name: string };

function alerts(db: Db) {
  return db
    .selectFrom('warning_alerts as a')
    .innerJoin('markings as m', 'm.id', 'a.marking_id')
    .innerJoin('facilities as f', 'f.id', 'a.facility_id')
    .selectAll('a')
    .select(['m.text as marking_text', 'f.code', 'f.name']);
}

/** Alerts in scope (`null`: all), newest first. */
export async function selectAlerts(db: Db, scope: Scope | null, q: { status?: string; facilityId?: string; since?: string; until?: string; limit?: number }): Promise<AlertRow[]> {
  let query = alerts(db);
  if (scope) query = query.where('a.marking_id', 'in', scope.markingIds);
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.facilityId) query = query.where('a.facility_id', '=', q.facilityId);
  if (q.since) query = query.where('a.as_of', '>', q.since);
  if (q.until) query = query.where('a.as_of', '<=', q.until);
  query = query.orderBy('a.as_of', 'desc').orderBy('a.id', 'desc');
  if (q.limit) query = query.limit(q.limit);
  return query.execute();
}

export async function selectAlert(db: Db, scope: Scope, id: string): Promise<AlertRow | undefined> {
  return alerts(db).where('a.marking_id', 'in', scope.markingIds).where('a.id', '=', id).executeTakeFirst();
}

export async function insertAlerts(db: Db, rows: readonly WarningAlertsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('warning_alerts').values(rows.slice(i, i + 200)).execute();
}

/** Acknowledges an open alert; false when it was no longer open (someone else was first). */
export async function acknowledge(db: Db, id: string, ack: { by: string; at: string; note: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('warning_alerts')
    .set({ status: 'acknowledged', acknowledged_by: ack.by, acknowledged_at: ack.at, ack_note: ack.note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
