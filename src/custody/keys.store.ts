import type { CustodyKeysTable, Db } from '../store/index.js';

/** Queries of the published signing keys (public halves). The table is append-only: a rotation adds a row. */

export type KeyRow = CustodyKeysTable;

export async function insertKey(db: Db, row: KeyRow): Promise<void> {
  await db.insertInto('custody_keys').values(row).execute();
}

/** The current (newest) key of an agency, or of the log when `agencyId` is null. */
export async function currentKey(db: Db, agencyId: string | null): Promise<KeyRow | undefined> {
  let q = db.selectFrom('custody_keys').selectAll().orderBy('generation', 'desc').limit(1);
  q = agencyId === null ? q.where('role', '=', 'log') : q.where('role', '=', 'agency').where('agency_id', '=', agencyId);
  return q.executeTakeFirst();
}

/** The current key of each agency among `agencyIds` that has one. */
export async function currentKeys(db: Db, agencyIds: readonly string[]): Promise<Map<string, KeyRow>> {
  const out = new Map<string, KeyRow>();
  if (agencyIds.length === 0) return out;
  const rows = await db.selectFrom('custody_keys').selectAll().where('role', '=', 'agency').where('agency_id', 'in', [...new Set(agencyIds)]).orderBy('generation').execute();
  for (const r of rows) out.set(r.agency_id!, r);
  return out;
}

export async function keyByName(db: Db, name: string): Promise<KeyRow | undefined> {
  return db.selectFrom('custody_keys').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Every key ever published, oldest first, with the agency code of agency keys. */
export async function allKeys(db: Db): Promise<(KeyRow & { agency_code: string | null })[]> {
  return db
    .selectFrom('custody_keys as k')
    .leftJoin('agencies as a', 'a.id', 'k.agency_id')
    .selectAll('k')
    .select('a.code as agency_code')
    .orderBy('k.role')
    .orderBy('a.code')
    .orderBy('k.generation')
    .execute();
}
