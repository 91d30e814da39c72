import type { Scope } from '../access/index.js';
import type { Db } from '../store/index.js';
import type { IdentityCandidatesTable, IdentityDecisionsTable } from '../store/index.js';

const BATCH = 500;

/** Inserts candidate pairs; a pair already queued (in either status) is left as it is. */
export async function insertCandidates(db: Db, rows: readonly IdentityCandidatesTable[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const r = await db
      .insertInto('identity_candidates')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) => oc.columns(['left_id', 'right_id']).doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/** Candidate pairs both of whose enrollments the caller may see. */
export async function selectCandidates(db: Db, scope: Scope, f: { status?: string; ids?: readonly string[]; limit?: number; since?: string; until?: string }) {
  let q = db
    .selectFrom('identity_candidates as c')
    .innerJoin('identity_enrollments as l', 'l.id', 'c.left_id')
    .innerJoin('identity_enrollments as r', 'r.id', 'c.right_id')
    .selectAll('c')
    .select(['l.marking_id as left_marking', 'r.marking_id as right_marking'])
    .where('l.marking_id', 'in', scope.markingIds)
    .where('r.marking_id', 'in', scope.markingIds);
  if (f.status) q = q.where('c.status', '=', f.status as IdentityCandidatesTable['status']);
  if (f.ids) q = q.where('c.id', 'in', f.ids.length > 0 ? [...f.ids] : ['']);
  if (f.since) q = q.where('c.created_at', '>', f.since);
  if (f.until) q = q.where('c.created_at', '<=', f.until);
  q = q.orderBy('c.score', 'desc').orderBy('c.id');
  if (f.limit) q = q.limit(f.limit);
  return q.execute();
}

/** How many candidates in a status the caller may see. */
export async function countCandidates(db: Db, scope: Scope, status: string): Promise<number> {
  const r = await db
    .selectFrom('identity_candidates as c')
    .innerJoin('identity_enrollments as l', 'l.id', 'c.left_id')
    .innerJoin('identity_enrollments as r', 'r.id', 'c.right_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.status', '=', status as IdentityCandidatesTable['status'])
    .where('l.marking_id', 'in', scope.markingIds)
    .where('r.marking_id', 'in', scope.markingIds)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Sets a candidate's status when it is still in `from`; false when it was not. */
export async function setCandidateStatus(db: Db, id: string, from: string, set: Pick<IdentityCandidatesTable, 'status' | 'reason' | 'decided_by' | 'decided_at'>): Promise<boolean> {
  const r = await db
    .updateTable('identity_candidates')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from as IdentityCandidatesTable['status'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertDecision(db: Db, row: IdentityDecisionsTable): Promise<void> {
  await db.insertInto('identity_decisions').values(row).execute();
}

/** Decisions on the given candidates, oldest first. */
export async function selectDecisions(db: Db, candidateIds: readonly string[]): Promise<IdentityDecisionsTable[]> {
  if (candidateIds.length === 0) return [];
  return db.selectFrom('identity_decisions').selectAll().where('candidate_id', 'in', [...candidateIds]).orderBy('decided_at').orderBy('id').execute();
}

/** The identity of each detainee (its own id when it was never linked). */
export async function identitiesOf(db: Db, detaineeIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map(detaineeIds.map((d) => [d, d]));
  if (detaineeIds.length === 0) return out;
  const rows = await db.selectFrom('identity_members').select(['detainee_id', 'identity_id']).where('detainee_id', 'in', [...detaineeIds]).execute();
  for (const r of rows) out.set(r.detainee_id, r.identity_id);
  return out;
}

/** Every detainee of an identity (the identity's own detainee included). */
export async function membersOf(db: Db, identityId: string): Promise<string[]> {
  const rows = await db.selectFrom('identity_members').select('detainee_id').where('identity_id', '=', identityId).execute();
  const out = new Set(rows.map((r) => r.detainee_id));
  const self = await db.selectFrom('identity_members').select('identity_id').where('detainee_id', '=', identityId).executeTakeFirst();
  if (!self || self.identity_id === identityId) out.add(identityId);
  return [...out];
}

/** Puts detainees under an identity. */
export async function setIdentity(db: Db, detaineeIds: readonly string[], identityId: string, now: string): Promise<void> {
  for (const d of detaineeIds) {
    await db
      .insertInto('identity_members')
      .values({ detainee_id: d, identity_id: identityId, updated_at: now })
      .onConflict((oc) => oc.column('detainee_id').doUpdateSet({ identity_id: identityId, updated_at: now }))
      .execute();
  }
}
