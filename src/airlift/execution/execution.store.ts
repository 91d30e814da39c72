import type { Scope } from '../../access/index.js';
import type { Selectable } from 'kysely';
import type { AirliftDiscrepanciesTable, AirliftResolutionsTable, AirliftScansTable, Db } from '../../store/index.js';

/**
 * Scans (and corrections), discrepancies and resolutions. Scans and resolutions are append-only (triggers);
 * a discrepancy's status is the one field that changes, from open to resolved, with its resolution row.
 */

export type ScanRow = Selectable<AirliftScansTable>;
export type NewScanRow = Omit<ScanRow, 'seq'>;
export type DiscrepancyRow = AirliftDiscrepanciesTable;
export type ResolutionRow = AirliftResolutionsTable;

export async function scanById(db: Db, id: string): Promise<ScanRow | undefined> {
  return db.selectFrom('airlift_scans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertScan(db: Db, row: NewScanRow): Promise<ScanRow> {
  await db.insertInto('airlift_scans').values(row).execute();
  return db.selectFrom('airlift_scans').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
}

/** The events of one person that took effect (applied, not voided), in order. */
export async function effectsOfPerson(db: Db, operationId: string, isn: string): Promise<ScanRow[]> {
  return db.selectFrom('airlift_scans as s').selectAll('s')
    .where('s.operation_id', '=', operationId).where('s.isn', '=', isn).where('s.applied', '=', 1)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('airlift_resolutions as r').select('r.id').whereRef('r.voids_scan_id', '=', 's.id'))))
    .orderBy('s.seq').execute();
}

/** Every event of an operation that took effect, in order (the reconciliation folds them). */
export async function effectsOfOperation(db: Db, scope: Scope, operationId: string): Promise<Pick<ScanRow, 'seq' | 'isn' | 'place_kind' | 'place_at' | 'scanned_at' | 'kind'>[]> {
  return db.selectFrom('airlift_scans as s').select(['s.seq', 's.isn', 's.place_kind', 's.place_at', 's.scanned_at', 's.kind'])
    .where('s.operation_id', '=', operationId).where('s.applied', '=', 1).where('s.marking_id', 'in', scope.markingIds)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('airlift_resolutions as r').select('r.id').whereRef('r.voids_scan_id', '=', 's.id'))))
    .orderBy('s.seq').execute();
}

export async function scansOfSortie(db: Db, sortieId: string): Promise<ScanRow[]> {
  return db.selectFrom('airlift_scans').selectAll().where('sortie_id', '=', sortieId).orderBy('seq').execute();
}

export async function insertDiscrepancy(db: Db, row: DiscrepancyRow): Promise<void> {
  await db.insertInto('airlift_discrepancies').values(row).execute();
}

export async function discrepancyRow(db: Db, scope: Scope, id: string): Promise<DiscrepancyRow | undefined> {
  return db.selectFrom('airlift_discrepancies').selectAll().where('id', '=', id).where('marking_id', 'in', scope.markingIds).executeTakeFirst();
}

export async function discrepanciesOf(db: Db, scope: Scope, filter: { sortie?: string; operation?: string; status?: 'open' | 'resolved' }): Promise<DiscrepancyRow[]> {
  let q = db.selectFrom('airlift_discrepancies').selectAll().where('marking_id', 'in', scope.markingIds);
  if (filter.sortie) q = q.where('sortie_id', '=', filter.sortie);
  if (filter.operation) q = q.where('operation_id', '=', filter.operation);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('raised_at').orderBy('id').execute();
}

/** Open discrepancies of any operation in scope raised in a window, or still open at its end (the agenda). */
export async function openDiscrepanciesUntil(db: Db, scope: Scope, until: string): Promise<DiscrepancyRow[]> {
  return db.selectFrom('airlift_discrepancies').selectAll().where('marking_id', 'in', scope.markingIds).where('raised_at', '<=', until)
    .where((eb) => eb.or([eb('status', '=', 'open'), eb('resolved_at', '>', until)])).orderBy('raised_at').execute();
}

export async function openCount(db: Db, filter: { sortie?: string; operation?: string }): Promise<number> {
  let q = db.selectFrom('airlift_discrepancies').select((eb) => eb.fn.countAll<number | string>().as('n')).where('status', '=', 'open');
  if (filter.sortie) q = q.where('sortie_id', '=', filter.sortie);
  if (filter.operation) q = q.where('operation_id', '=', filter.operation);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Open discrepancy counts per sortie of an operation. */
export async function openCountsBySortie(db: Db, operationId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('airlift_discrepancies').select(['sortie_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('operation_id', '=', operationId).where('status', '=', 'open').groupBy('sortie_id').execute();
  return new Map(rows.map((r) => [r.sortie_id, Number(r.n)]));
}

/** Whether a person already has an open discrepancy of a kind on a sortie (a close is retried). */
export async function hasOpen(db: Db, sortieId: string, isn: string, kind: string): Promise<boolean> {
  const row = await db.selectFrom('airlift_discrepancies').select('id').where('sortie_id', '=', sortieId).where('isn', '=', isn).where('kind', '=', kind).where('status', '=', 'open').executeTakeFirst();
  return row !== undefined;
}

export async function resolveRow(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('airlift_discrepancies').set({ status: 'resolved', resolved_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResolution(db: Db, row: ResolutionRow): Promise<void> {
  await db.insertInto('airlift_resolutions').values(row).execute();
}

export async function resolutionsOf(db: Db, ids: readonly string[]): Promise<Map<string, ResolutionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('airlift_resolutions').selectAll().where('discrepancy_id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.discrepancy_id, r]));
}
