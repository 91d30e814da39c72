import type { Scope } from '../access/index.js';
import type { Db, RepatriationBatchMembersTable, RepatriationBatchesTable } from '../store/index.js';

/** Repatriation batches and their members; batches filtered by marking scope. */

export type BatchRow = RepatriationBatchesTable & { marking_text: string; receiving_code: string };
export type MemberRow = RepatriationBatchMembersTable;

function scopedBatches(db: Db, scope: Scope) {
  return db.selectFrom('repatriation_batches as b').innerJoin('markings as m', 'm.id', 'b.marking_id').innerJoin('agencies as a', 'a.id', 'b.receiving_agency_id')
    .selectAll('b').select(['m.text as marking_text', 'a.code as receiving_code']).where('b.marking_id', 'in', scope.markingIds);
}

export async function selectBatches(db: Db, scope: Scope, f: { id?: string; country?: string | undefined; status?: string | undefined; statuses?: readonly string[]; closedAfter?: string; closedUntil?: string } = {}): Promise<BatchRow[]> {
  let q = scopedBatches(db, scope);
  if (f.id) q = q.where('b.id', '=', f.id);
  if (f.country) q = q.where('b.country', '=', f.country);
  if (f.status) q = q.where('b.status', '=', f.status);
  if (f.statuses) q = q.where('b.status', 'in', [...f.statuses]);
  if (f.closedAfter) q = q.where('b.closed_at', '>', f.closedAfter);
  if (f.closedUntil) q = q.where('b.closed_at', '<=', f.closedUntil);
  return q.orderBy('b.at', 'desc').orderBy('b.id', 'desc').execute();
}

export async function insertBatch(db: Db, batch: RepatriationBatchesTable, members: MemberRow[]): Promise<void> {
  await db.insertInto('repatriation_batches').values(batch).execute();
  for (let i = 0; i < members.length; i += 500) await db.insertInto('repatriation_batch_members').values(members.slice(i, i + 500)).execute();
}

/** Moves a batch on if it is still at `version`; false when it changed meanwhile. */
export async function updateBatch(db: Db, id: string, version: number, set: Partial<Pick<RepatriationBatchesTable, 'status' | 'closed_at' | 'closed_by'>>): Promise<boolean> {
  const r = await db.updateTable('repatriation_batches').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function selectMembers(db: Db, batchIds: readonly string[]): Promise<MemberRow[]> {
  if (batchIds.length === 0) return [];
  return db.selectFrom('repatriation_batch_members').selectAll().where('batch_id', 'in', [...batchIds]).orderBy('batch_id').orderBy('position').execute();
}

/** Frees a closed batch's members for other batches. */
export async function closeMembers(db: Db, batchId: string): Promise<void> {
  await db.updateTable('repatriation_batch_members').set({ open_person: null }).where('batch_id', '=', batchId).execute();
}

export async function updateMember(db: Db, batchId: string, position: number, set: Partial<Pick<MemberRow, 'state' | 'handover_id' | 'movement_batch' | 'handed_over_at' | 'open_person' | 'outcome' | 'outcome_reason'>>): Promise<void> {
  await db.updateTable('repatriation_batch_members').set(set).where('batch_id', '=', batchId).where('position', '=', position).execute();
}

/**
 * Members of open batches (planned or handing over) among these persons, whatever the scope: a person is in
 * one open batch at a time. Used to refuse a second one without saying more than "already in a batch".
 */
export async function openMemberships(db: Db, persons: { detainees: readonly string[]; residents: readonly string[] }): Promise<{ detainee_id: string | null; resident_id: string | null }[]> {
  const none = ['#none'];
  return db.selectFrom('repatriation_batch_members as x').innerJoin('repatriation_batches as b', 'b.id', 'x.batch_id')
    .select(['x.detainee_id', 'x.resident_id'])
    .where('b.status', 'in', ['planned', 'handing-over'])
    .where((eb) => eb.or([
      eb('x.detainee_id', 'in', persons.detainees.length > 0 ? [...persons.detainees] : none),
      eb('x.resident_id', 'in', persons.residents.length > 0 ? [...persons.residents] : none),
    ]))
    .execute();
}
